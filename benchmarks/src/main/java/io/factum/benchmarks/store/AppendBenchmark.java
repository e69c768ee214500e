package io.factum.benchmarks.store;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.JdbcEventStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends to SQLite and PostgreSQL with 1 and 8 concurrent writers, 1 and 10 events per append: the
 * Factum store (optimistic concurrency on an exact revision, idempotency check, ordering lock; with
 * its default group commit, and with group commit off) against raw JDBC batch inserts of the same
 * rows into a table of the same shape. Each writer appends to its own stream, as aggregates saving
 * do. Scores are appends per second; the report multiplies by the events per append.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class AppendBenchmark {

    @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRES})
    public String backend;

    @Param({"1", "10"})
    public int eventsPerAppend;

    private BenchDatabase database;
    JdbcEventStore factum;
    JdbcEventStore factumWithoutGroupCommit;
    RawJdbcEvents jdbc;

    @Setup(Level.Trial)
    public void setUp() {
        // 8 writers, plus one spare so a writer never waits for a connection.
        database = BenchDatabase.create(backend, 9);
        factum = database.factumStore("factum");
        factumWithoutGroupCommit = database.factumStore("alone", false);
        // The raw peer's table: the store's own DDL under another prefix, so the shape is identical.
        try (JdbcEventStore rawSchema = database.factumStore("raw")) {
            jdbc = RawJdbcEvents.over(database.dataSource(), factum.dialect(), rawSchema.tables());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        factum.close();
        factumWithoutGroupCommit.close();
        database.close();
    }

    /** One writer thread: its own stream and revision, fresh event ids for every append. */
    @State(Scope.Thread)
    public static class Writer {
        final SampleEvents events = new SampleEvents();
        String streamId;
        long revision = -1;

        @Setup(Level.Trial)
        public void setUp() {
            streamId = events.newStreamId();
        }

        List<NewEvent> next(int count) {
            return events.next(count);
        }
    }

    @Benchmark
    @Threads(1)
    public AppendResult factumAppend1Writer(Writer writer) {
        return append(factum, writer);
    }

    @Benchmark
    @Threads(8)
    public AppendResult factumAppend8Writers(Writer writer) {
        return append(factum, writer);
    }

    @Benchmark
    @Threads(1)
    public AppendResult factumNoGroupCommit1Writer(Writer writer) {
        return append(factumWithoutGroupCommit, writer);
    }

    @Benchmark
    @Threads(8)
    public AppendResult factumNoGroupCommit8Writers(Writer writer) {
        return append(factumWithoutGroupCommit, writer);
    }

    @Benchmark
    @Threads(1)
    public void jdbcBatch1Writer(Writer writer) {
        jdbcBatch(writer);
    }

    @Benchmark
    @Threads(8)
    public void jdbcBatch8Writers(Writer writer) {
        jdbcBatch(writer);
    }

    private AppendResult append(JdbcEventStore store, Writer writer) {
        ExpectedRevision expected = writer.revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(writer.revision);
        AppendResult result = store.append(writer.streamId, expected, writer.next(eventsPerAppend));
        writer.revision = result.lastRevision();
        return result;
    }

    private void jdbcBatch(Writer writer) {
        jdbc.insertBatch(writer.streamId, writer.revision + 1, writer.next(eventsPerAppend));
        writer.revision += eventsPerAppend;
    }
}
