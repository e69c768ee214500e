package io.factum.benchmarks;

/**
 * JVM settings every benchmark fork uses. A fixed, pre-touched heap keeps first-touch page faults out
 * of the measurements (on these machines they otherwise make the error bars larger than the scores).
 */
public final class BenchmarkSettings {

    public static final String HEAP_MIN = "-Xms512m";
    public static final String HEAP_MAX = "-Xmx512m";
    public static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    /** The same flags as an array, for the JMH Java API. */
    public static final String[] JVM_ARGS = {HEAP_MIN, HEAP_MAX, PRE_TOUCH};

    /** Events replayed per aggregate in the replay benchmark. */
    public static final int STREAM_LENGTH = 1_000;

    private BenchmarkSettings() {}
}
