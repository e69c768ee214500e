package io.factum.benchmarks.axon5;

import static io.factum.benchmarks.report.Scores.key;

import io.factum.benchmarks.Report;
import io.factum.benchmarks.report.Comparison;
import io.factum.benchmarks.report.Target;
import java.util.List;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link Axon5ReplayBenchmark} through the benchmarks module's report runner, with the same modes and options
 * ({@code quick|full}, regular expressions, {@code -prof}, {@code -json}, {@code -jvm}), and prints its rows with
 * the replay target (benchmarks/README.md) against Axon 5.
 *
 * <pre>
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar benchmarks-axon5/target/benchmarks-axon5.jar quick
 * </pre>
 */
public final class Axon5Report {

    private Axon5Report() {}

    public static void main(String[] args) throws RunnerException {
        Report.run(args, Axon5Report.class.getPackageName() + ".*Benchmark.*", rows());
    }

    /** The report's rows: every benchmark of this module appears in one. */
    public static List<Comparison> rows() {
        String axon5Load = key(Axon5ReplayBenchmark.class, "axon5EntityLoad");
        String handWritten = key(Axon5ReplayBenchmark.class, "handWrittenSwitch");
        return List.of(
                new Comparison("Replay 1,000 decoded events beside Axon 5, generated AggregateType.apply (ns/event)",
                        key(Axon5ReplayBenchmark.class, "factumGeneratedApply"), List.of(
                                new Comparison.Peer("Axon 5.0.1 entity load", axon5Load),
                                new Comparison.Peer("hand-written instanceof chain", handWritten)),
                        List.of(Target.fasterThan(axon5Load, 30, ">= 30x Axon 5 entity load (#18)"),
                                Target.within(handWritten, 1.2, "within 1.2x of hand-written"))),
                new Comparison("Load through a repository, 1,000 events (ns/event; Factum decodes JSON, Axon's"
                        + " in-memory engine keeps objects)",
                        key(Axon5ReplayBenchmark.class, "factumRepositoryLoad"), List.of(
                                new Comparison.Peer("Axon 5.0.1 entity load", axon5Load)), List.of()));
    }
}
