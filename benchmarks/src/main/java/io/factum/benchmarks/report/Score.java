package io.factum.benchmarks.report;

/**
 * One benchmark's primary result.
 *
 * @param value          the score, in {@code unit}
 * @param error          the 99.9% confidence half-width JMH reports ({@code NaN} with too few iterations)
 * @param unit           JMH's unit, e.g. {@code ns/op} or {@code ops/s}
 * @param higherIsBetter true for throughput, false for time per operation
 */
public record Score(double value, double error, String unit, boolean higherIsBetter) {

    /**
     * Whether the confidence interval is wider than half the score: the machine was busy or the run
     * too short, and a verdict on this score may flip on the next run.
     */
    public boolean isNoisy() {
        return !Double.isNaN(error) && error > value / 2;
    }

    /** The same score multiplied by {@code factor} and named {@code newUnit}, e.g. appends/s into events/s. */
    public Score times(double factor, String newUnit) {
        return new Score(value * factor, error * factor, newUnit == null ? unit : newUnit, higherIsBetter);
    }

    /**
     * How many times better this score is than {@code peer}: above 1 when this one is faster,
     * whatever the unit's direction.
     */
    public double speedupOver(Score peer) {
        return higherIsBetter ? value / peer.value : peer.value / value;
    }
}
