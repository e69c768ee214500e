package io.factum.benchmarks.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.factum.benchmarks.BenchmarkSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends from a fleet (issue #18): {@value #PROCESSES} child JVMs × {@value #WRITERS} writer threads ×
 * {@value #EVENTS_PER_APPEND} events per append, all into one PostgreSQL events table, through Factum's
 * {@code PostgresEventStore} (group commit on, exact expected revision, ordering lock) against raw JDBC batch
 * inserts of the same rows into a table of the same shape ({@link RawJdbcEvents}). The children
 * ({@link FleetWriterMain}) start once per trial and stay warm; one invocation has every writer of every
 * process append {@value #APPENDS_PER_WRITER} times and waits for the last one. Scores are events per second
 * of the whole fleet. Group commit batches the appends of one process only: the processes meet at the
 * database's ordering lock.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class FleetAppendBenchmark {

    static final int PROCESSES = 3;
    static final int WRITERS = 8;
    static final int EVENTS_PER_APPEND = 10;
    static final int APPENDS_PER_WRITER = 20;
    /** Events one invocation appends: {@value}. */
    static final int EVENTS_PER_ROUND = PROCESSES * WRITERS * APPENDS_PER_WRITER * EVENTS_PER_APPEND;

    /** The Factum fleet, on a database of its own. */
    @State(Scope.Benchmark)
    public static class FactumFleet {
        Fleet fleet;

        @Setup(Level.Trial)
        public void setUp() {
            fleet = Fleet.start("factum");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fleet.close();
        }
    }

    /** The raw JDBC fleet, on a database of its own. */
    @State(Scope.Benchmark)
    public static class JdbcFleet {
        Fleet fleet;

        @Setup(Level.Trial)
        public void setUp() {
            fleet = Fleet.start("jdbc");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fleet.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_ROUND)
    public void factumFleet(FactumFleet state) {
        state.fleet.round();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_ROUND)
    public void jdbcFleet(JdbcFleet state) {
        state.fleet.round();
    }

    /** {@value #PROCESSES} writer processes on one fresh PostgreSQL schema, which closing removes. */
    static final class Fleet implements AutoCloseable {
        private static final long TIMEOUT_SECONDS = 120;

        private final BenchDatabase database;
        private final List<Child> children = new ArrayList<>();

        private Fleet(BenchDatabase database) {
            this.database = database;
        }

        static Fleet start(String kind) {
            Fleet fleet = new Fleet(BenchDatabase.create(BenchDatabase.POSTGRES, 1));
            try {
                // The table, once, before the children open it (the Factum store's own DDL for both kinds).
                fleet.database.factumStore(kind).close();
                for (int i = 0; i < PROCESSES; i++) {
                    fleet.children.add(Child.start(kind, fleet.database.id()));
                }
                for (Child child : fleet.children) {
                    child.await("ready");
                }
                return fleet;
            } catch (RuntimeException e) {
                fleet.close();
                throw e;
            }
        }

        /** Every writer of every process appends {@value #APPENDS_PER_WRITER} times; returns when the last is done. */
        void round() {
            children.forEach(child -> child.send("run"));
            children.forEach(child -> child.await("done"));
        }

        @Override
        public void close() {
            for (Child child : children) {
                child.stop();
            }
            database.close();
        }
    }

    /** One child JVM, its standard output read line by line. */
    private record Child(Process process, Writer commands, BlockingQueue<String> lines) {

        static Child start(String kind, String databaseId) {
            try {
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms128m", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                        FleetWriterMain.class.getName(), kind, databaseId, kind, String.valueOf(WRITERS),
                        String.valueOf(APPENDS_PER_WRITER), String.valueOf(EVENTS_PER_APPEND))
                        .redirectErrorStream(true)
                        .start();
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                        for (String line = out.readLine(); line != null; line = out.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("(output ended: " + e + ")");
                    }
                    lines.add("(exited)");
                }, "fleet-child-output");
                reader.setDaemon(true);
                reader.start();
                return new Child(process, new OutputStreamWriter(process.getOutputStream(), UTF_8), lines);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start a fleet writer process", e);
            }
        }

        void send(String command) {
            try {
                commands.write(command + "\n");
                commands.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Fleet writer process " + process.pid() + " is gone", e);
            }
        }

        /** Waits for the line {@code expected}; anything else (a stack trace, the end) fails with all it printed. */
        void await(String expected) {
            List<String> seen = new ArrayList<>();
            try {
                while (true) {
                    String line = lines.poll(Fleet.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (line == null || line.equals("(exited)")) {
                        throw new IllegalStateException("Fleet writer process " + process.pid() + " did not print '"
                                + expected + "' " + (line == null ? "in " + Fleet.TIMEOUT_SECONDS + " s" : "before it ended")
                                + "; it printed: " + String.join("\n", seen));
                    }
                    if (line.equals(expected)) {
                        return;
                    }
                    seen.add(line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for a fleet writer process", e);
            }
        }

        void stop() {
            try {
                send("quit");
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (RuntimeException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
