package io.factum.benchmarks.store;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.micrometer.MeteredEventStore;
import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
 * What factum-micrometer costs an append: one writer, one event per append, to the plain store and to the
 * same store measured as the Spring Boot starter measures it with Actuator and no tracer: {@link MeteredEventStore}
 * (timer by outcome, events per append) and a {@code factum.append} observation on a registry with Boot's
 * meter handler ({@link DefaultMeterObservationHandler}, so the observation is really made and timed; a
 * registry without handlers would skip it). Target: within 5% of plain. Appends per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class InstrumentedAppendBenchmark {

    @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRES})
    public String backend;

    private BenchDatabase database;
    private JdbcEventStore plain;
    private JdbcEventStore underMetered;
    private EventStore metered;

    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.create(backend, 2);
        plain = database.factumStore("plain");
        underMetered = database.factumStore("metered");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        metered = new MeteredEventStore(underMetered, meters, observations);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        underMetered.close();
        database.close();
    }

    /** The writer: its own stream, fresh event ids for every append. */
    @State(Scope.Thread)
    public static class Writer {
        final SampleEvents events = new SampleEvents();
        String streamId;

        @Setup(Level.Trial)
        public void setUp() {
            streamId = events.newStreamId();
        }
    }

    @Benchmark
    @Threads(1)
    public AppendResult plainAppend(Writer writer) {
        return plain.append(writer.streamId, ExpectedRevision.any(), writer.events.next(1));
    }

    @Benchmark
    @Threads(1)
    public AppendResult meteredAppend(Writer writer) {
        return metered.append(writer.streamId, ExpectedRevision.any(), writer.events.next(1));
    }
}
