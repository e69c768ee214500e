package io.factum.benchmarks.store;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A catch-up subscription reading the whole store from position 0: 20,000 stored events in 2,000
 * streams, decoded and handed to a handler. The peer reads the same rows with plain JDBC in batches
 * of the same size, without decoding. Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CatchUpBenchmark.EVENTS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class CatchUpBenchmark {

    static final int EVENTS = 20_000;
    static final int EVENTS_PER_STREAM = 10;
    static final int BATCH_SIZE = 500;

    @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRES})
    public String backend;

    private BenchDatabase database;
    JdbcEventStore store;
    private RawJdbcEvents jdbc;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.create(backend, 2);
        store = database.factumStore("factum");
        SampleEvents events = new SampleEvents();
        for (int i = 0; i < EVENTS / EVENTS_PER_STREAM; i++) {
            store.append(events.newStreamId(), ExpectedRevision.noStream(), events.next(EVENTS_PER_STREAM));
        }
        jdbc = RawJdbcEvents.over(database.dataSource(), store.dialect(), store.tables());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        database.close();
    }

    @Benchmark
    public long jdbcReadAll() {
        return expectAll(jdbc.readAll(0, BATCH_SIZE));
    }

    static long expectAll(long read) {
        if (read != EVENTS) {
            throw new IllegalStateException("Read " + read + " events, expected " + EVENTS);
        }
        return read;
    }
}
