package io.factum.benchmarks.report;

/**
 * A performance target (benchmarks/README.md lists them), as a minimum speedup of Factum over one peer
 * (or, with no peer, a minimum absolute score).
 *
 * @param peer        the peer's benchmark key, or null for an absolute target
 * @param minimum     the least acceptable speedup (e.g. 30 for "30x faster", 1/1.2 for "within 1.2x"),
 *                    or the least acceptable score for an absolute target
 * @param description the target as written, e.g. {@code ">= 30x Axon"}
 */
public record Target(String peer, double minimum, String description) {

    public static Target fasterThan(String peer, double times, String description) {
        return new Target(peer, times, description);
    }

    /** Factum may be at most {@code factor} times slower than the peer. */
    public static Target within(String peer, double factor, String description) {
        return new Target(peer, 1 / factor, description);
    }

    /** Factum's throughput must be at least {@code fraction} of the peer's. */
    public static Target fractionOf(String peer, double fraction, String description) {
        return new Target(peer, fraction, description);
    }

    public static Target atLeast(double score, String description) {
        return new Target(null, score, description);
    }

    /** The measured value this target is judged on: a speedup, or the score itself. */
    public double measured(Score factum, Score peerScore) {
        return peer == null ? factum.value() : factum.speedupOver(peerScore);
    }

    public boolean isMet(Score factum, Score peerScore) {
        return measured(factum, peerScore) >= minimum;
    }
}
