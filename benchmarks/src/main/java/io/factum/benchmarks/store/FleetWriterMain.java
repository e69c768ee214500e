package io.factum.benchmarks.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One process of {@link FleetAppendBenchmark}'s fleet: {@code writers} threads, each appending to a stream of its
 * own in the shared PostgreSQL events table, through Factum's store ({@code factum}: group commit on, exact expected
 * revision) or the raw JDBC peer ({@code jdbc}: one batched insert per append). It prints {@code ready}, then for
 * every {@code run} line on its standard input has every writer append {@code appendsPerWriter} times
 * {@code eventsPerAppend} events and prints {@code done}; {@code quit} (or the end of input) ends it.
 *
 * <p>Usage: {@code FleetWriterMain factum|jdbc <database id> <table purpose> <writers> <appendsPerWriter>
 * <eventsPerAppend>}.
 */
public final class FleetWriterMain {

    private FleetWriterMain() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String databaseId = args[1];
        String purpose = args[2];
        int writers = Integer.parseInt(args[3]);
        int appendsPerWriter = Integer.parseInt(args[4]);
        int eventsPerAppend = Integer.parseInt(args[5]);
        // One connection per writer and a spare, as in AppendBenchmark.
        try (BenchDatabase database = BenchDatabase.joinPostgres(databaseId, writers + 1);
             JdbcEventStore store = database.factumStore(purpose)) {
            RawJdbcEvents raw = RawJdbcEvents.over(database.dataSource(), store.dialect(), store.tables());
            List<Writer> fleet = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                fleet.add(switch (kind) {
                    case "factum" -> new Writer(store, null, eventsPerAppend);
                    case "jdbc" -> new Writer(null, raw, eventsPerAppend);
                    default -> throw new IllegalArgumentException("kind must be factum or jdbc, was " + kind);
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(writers);
            try {
                serve(fleet, threads, appendsPerWriter);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void serve(List<Writer> fleet, ExecutorService threads, int appendsPerWriter) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String command = commands.readLine(); command != null && !command.equals("quit"); command = commands.readLine()) {
            if (!command.equals("run")) {
                throw new IllegalArgumentException("unknown command " + command);
            }
            List<Future<?>> running = new ArrayList<>();
            for (Writer writer : fleet) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        writer.appendOnce();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get(); // an append that failed fails the process, with its stack trace on stderr
            }
            System.out.println("done");
            System.out.flush();
        }
    }

    /**
     * One writer thread's stream: through Factum's store with an exact expected revision, as an aggregate saving
     * does, or (without a store) the same rows as one batched insert per append, no checks.
     */
    private static final class Writer {
        private final SampleEvents events = new SampleEvents();
        private final JdbcEventStore store;
        private final RawJdbcEvents raw;
        private final int eventsPerAppend;
        private final String streamId = events.newStreamId();
        private long revision = -1;

        Writer(JdbcEventStore store, RawJdbcEvents raw, int eventsPerAppend) {
            this.store = store;
            this.raw = raw;
            this.eventsPerAppend = eventsPerAppend;
        }

        void appendOnce() {
            if (store != null) {
                ExpectedRevision expected = revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revision);
                revision = store.append(streamId, expected, events.next(eventsPerAppend)).lastRevision();
            } else {
                raw.insertBatch(streamId, revision + 1, events.next(eventsPerAppend));
                revision += eventsPerAppend;
            }
        }
    }
}
