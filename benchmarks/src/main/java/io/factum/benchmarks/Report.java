package io.factum.benchmarks;

import io.factum.benchmarks.report.Comparison;
import io.factum.benchmarks.report.Comparisons;
import io.factum.benchmarks.report.ReportTable;
import io.factum.benchmarks.report.Scores;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite through JMH's Java API and prints every Factum result beside its peers,
 * with the performance targets (benchmarks/README.md) marked met or missed.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar quick                   # the whole suite, a few minutes
 * java -jar benchmarks/target/benchmarks.jar full                    # longer iterations, two forks
 * java -jar benchmarks/target/benchmarks.jar quick Codec -prof gc    # a subset, with a JMH profiler
 * java -jar benchmarks/target/benchmarks.jar quick -json out.json    # also write JMH's JSON results
 * java -jar benchmarks/target/benchmarks.jar quick Append -p backend=postgres -p eventsPerAppend=10
 * java -jar benchmarks/target/benchmarks.jar quick -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java  # forks on JDK 25
 * </pre>
 *
 * <p>Other arguments are regular expressions selecting benchmarks, as with JMH's own {@code -e}-less
 * command line. Plain JMH works too: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class Report {

    /**
     * How long to measure. Both warm up for 5 iterations (fewer leave the JIT mid-compilation); quick
     * mode keeps the whole suite under about 10 minutes on 2 cores.
     */
    enum RunMode {
        QUICK(1, 5, 500, 5, 1_000),
        FULL(2, 5, 2_000, 10, 2_000);

        final int forks;
        final int warmupIterations;
        final int warmupMillis;
        final int measurementIterations;
        final int measurementMillis;

        RunMode(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis) {
            this.forks = forks;
            this.warmupIterations = warmupIterations;
            this.warmupMillis = warmupMillis;
            this.measurementIterations = measurementIterations;
            this.measurementMillis = measurementMillis;
        }
    }

    private Report() {}

    public static void main(String[] args) throws RunnerException {
        run(args, Report.class.getPackageName() + ".*Benchmark.*", Comparisons.all());
    }

    /**
     * Runs the benchmarks {@code args} select (all matching {@code defaultInclude} when none is named) and prints
     * {@code rows}; the entry point of this module and of {@code benchmarks-axon5}, which has rows of its own.
     */
    public static void run(String[] args, String defaultInclude, List<Comparison> rows) throws RunnerException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: java -jar benchmarks.jar quick|full [regex ...] [-prof NAME] [-p NAME=V1,V2]"
                    + " [-json FILE] [-jvm PATH/bin/java]");
            System.exit(2);
        }
        RunMode mode = RunMode.valueOf(args[0].toUpperCase(Locale.ROOT));
        List<String> includes = new ArrayList<>();
        List<String> profilers = new ArrayList<>();
        List<String[]> params = new ArrayList<>();
        String jsonFile = null;
        String jvm = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "-prof" -> profilers.add(args[++i]);
                case "-json" -> jsonFile = args[++i];
                case "-jvm" -> jvm = args[++i];
                case "-p" -> params.add(args[++i].split("=", 2));
                default -> includes.add(args[i]);
            }
        }
        if (includes.isEmpty()) {
            includes.add(defaultInclude);
        }

        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(mode.forks)
                .warmupIterations(mode.warmupIterations)
                .warmupTime(TimeValue.milliseconds(mode.warmupMillis))
                .measurementIterations(mode.measurementIterations)
                .measurementTime(TimeValue.milliseconds(mode.measurementMillis))
                .jvmArgsAppend(BenchmarkSettings.JVM_ARGS)
                // One failing benchmark must not throw away the rest of the run: JMH prints its error
                // and the table shows it as not measured. The CI smoke test fails on any error.
                .shouldFailOnError(false);
        includes.forEach(options::include);
        profilers.forEach(options::addProfiler);
        for (String[] param : params) {
            if (param.length != 2) {
                throw new IllegalArgumentException("-p takes name=value[,value...], e.g. -p backend=postgres");
            }
            options.param(param[0], param[1].split(","));
        }
        if (jsonFile != null) {
            options.resultFormat(ResultFormatType.JSON).result(jsonFile);
        }
        if (jvm != null) {
            options.jvm(jvm);
        }

        long started = System.nanoTime();
        Collection<RunResult> results = new Runner(options.build()).run();
        long minutes = (System.nanoTime() - started) / 60_000_000_000L;

        System.out.println();
        // The forks' JDK (it differs from this one's with -jvm); this one's if nothing ran.
        String jdk = results.stream().findFirst()
                .map(result -> result.getParams().getJdkVersion() + " (" + result.getParams().getVmName() + ")")
                .orElse(System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        System.out.printf(Locale.ROOT, "Factum benchmarks, %s mode, %d min; JDK %s, %d cores%n%n",
                mode.name().toLowerCase(Locale.ROOT), minutes, jdk, Runtime.getRuntime().availableProcessors());
        System.out.println(ReportTable.render(rows, Scores.of(results)));
    }
}
