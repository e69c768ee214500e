package io.factum.benchmarks.axon5;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.report.Comparisons;
import io.factum.benchmarks.report.Scores;
import java.util.Collection;
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
 * CI's guard against rot of the Axon 5 benchmark: every method runs once, in this JVM (the JDK 21+ surefire forks),
 * through JMH's own harness. Nothing is timed or asserted about speed here.
 */
class Axon5BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsOnceAndEveryReportRowFindsItsBenchmark() throws RunnerException {
        Options once = new OptionsBuilder()
                .include(Axon5BenchmarkSmokeTest.class.getPackageName() + ".*Benchmark.*")
                .mode(Mode.SingleShotTime)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(once).run();

        assertThat(new TreeSet<>(Scores.of(results).all().keySet())).isEqualTo(Comparisons.keysOf(Axon5Report.rows()));
    }
}
