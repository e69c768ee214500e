package io.factum.benchmarks.report;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The primary results of one JMH run, by key: {@code Class.method} plus its parameters, e.g. {@code A.b[backend=sqlite]}. */
public final class Scores {

    private final Map<String, Score> byKey = new TreeMap<>();

    public static Scores of(Collection<RunResult> results) {
        Scores scores = new Scores();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            StringBuilder key = new StringBuilder(simpleName(params.getBenchmark()));
            String separator = "[";
            for (String name : params.getParamsKeys()) {
                key.append(separator).append(name).append('=').append(params.getParam(name));
                separator = ",";
            }
            if (!params.getParamsKeys().isEmpty()) {
                key.append(']');
            }
            Result<?> primary = run.getPrimaryResult();
            boolean higherIsBetter = params.getMode() == org.openjdk.jmh.annotations.Mode.Throughput;
            scores.byKey.put(key.toString(),
                    new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit(), higherIsBetter));
        }
        return scores;
    }

    /** The key of a benchmark method without parameters: {@code ReplayBenchmark.handWrittenSwitch}. */
    public static String key(Class<?> benchmark, String method) {
        return benchmark.getSimpleName() + "." + method;
    }

    /** The key of a benchmark method with parameters, given in their declaration (alphabetical) order. */
    public static String key(Class<?> benchmark, String method, String params) {
        return key(benchmark, method) + "[" + params + "]";
    }

    /** Records a score; for tests and for merging runs. */
    public void put(String key, Score score) {
        byKey.put(key, score);
    }

    /** The score of {@code key}, or null when the run did not include it. */
    public Score get(String key) {
        return byKey.get(key);
    }

    public Map<String, Score> all() {
        return byKey;
    }

    private static String simpleName(String benchmark) {
        // org.x.ReplayBenchmark.handWrittenSwitch -> ReplayBenchmark.handWrittenSwitch
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
