package io.factum.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.kafka.RelayLatencyHarness;
import io.factum.benchmarks.report.Comparisons;
import io.factum.benchmarks.report.Scores;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * CI's guard against benchmark rot: every benchmark method runs once, in this JVM, through JMH's own
 * harness (setup, the method, teardown; the store benchmarks against real SQLite and PostgreSQL). A
 * benchmark that throws fails the build. Nothing is timed or asserted about speed here.
 */
class BenchmarkSmokeTest {

    private static final int SMOKE_EVENTS = 500;

    @Test
    void everyBenchmarkRunsOnceAndEveryReportRowFindsItsBenchmark() throws RunnerException {
        Options once = new OptionsBuilder()
                .include(BenchmarkSmokeTest.class.getPackageName() + ".*Benchmark.*")
                .mode(Mode.SingleShotTime)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(1)
                // A small store is enough to catch up (or load a stream) once; the reported runs use the defaults.
                .param("events", String.valueOf(SMOKE_EVENTS))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(once).run();

        Set<String> measured = new TreeSet<>(Scores.of(results).all().keySet());
        assertThat(measured).containsAll(reportedKeys());
        assertThat(measured).hasSize(reportedKeys().size());
    }

    /** The Kafka latency harness (not JMH) runs briefly: every event appended is handled through Kafka. */
    @Test
    void theKafkaLatencyHarnessRunsBriefly() throws InterruptedException {
        RelayLatencyHarness.Result result = RelayLatencyHarness.run(200, 2);
        assertThat(result.events()).isEqualTo(200);
    }

    /**
     * Every benchmark the report prints, with the smoke run's store size: a benchmark nobody reports, or
     * a row naming a missing one, is a bug.
     */
    private static Set<String> reportedKeys() {
        Set<String> smokeKeys = new TreeSet<>();
        for (String key : Comparisons.keysOf(Comparisons.all())) {
            // Every events parameter (catch-up, relay, snapshot loads) runs with the smoke size.
            smokeKeys.add(key.replaceAll("events=\\d+", "events=" + SMOKE_EVENTS));
        }
        return smokeKeys;
    }
}
