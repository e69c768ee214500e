package io.factum.benchmarks.report;

/**
 * A performance target (benchmarks/README.md lists them): a minimum speedup of Factum over one peer, a minimum absolute score
 * (no peer), or a maximum excess over one peer in the score's own unit (instrumented vs plain: "at most
 * 15 ns more").
 *
 * @param peer        the peer's benchmark key, or null for an absolute target
 * @param limit       the least acceptable speedup (e.g. 30 for "30x faster", 1/1.2 for "within 1.2x"), the
 *                    least acceptable score for an absolute target, or the most Factum's score may exceed the
 *                    peer's for an excess target
 * @param kind        how {@code limit} is read
 * @param description the target as written, e.g. {@code ">= 30x Axon"}
 */
public record Target(String peer, double limit, Kind kind, String description) {

    /** How a target's limit is read. */
    public enum Kind {
        /** Factum's speedup over the peer must be at least the limit. */
        SPEEDUP,
        /** Factum's score must be at least the limit (no peer). */
        ABSOLUTE,
        /** Factum's score minus the peer's (a time: how much slower) must be at most the limit. */
        EXCESS
    }

    public static Target fasterThan(String peer, double times, String description) {
        return new Target(peer, times, Kind.SPEEDUP, description);
    }

    /** Factum may be at most {@code factor} times slower than the peer. */
    public static Target within(String peer, double factor, String description) {
        return new Target(peer, 1 / factor, Kind.SPEEDUP, description);
    }

    /** Factum's throughput must be at least {@code fraction} of the peer's. */
    public static Target fractionOf(String peer, double fraction, String description) {
        return new Target(peer, fraction, Kind.SPEEDUP, description);
    }

    public static Target atLeast(double score, String description) {
        return new Target(null, score, Kind.ABSOLUTE, description);
    }

    /** Factum's time may exceed the peer's by at most {@code amount}, in the scores' unit (e.g. ns/op). */
    public static Target atMostAbove(String peer, double amount, String description) {
        return new Target(peer, amount, Kind.EXCESS, description);
    }

    /** The measured value this target is judged on: a speedup, the score itself, or the excess over the peer. */
    public double measured(Score factum, Score peerScore) {
        return switch (kind) {
            case SPEEDUP -> factum.speedupOver(peerScore);
            case ABSOLUTE -> factum.value();
            case EXCESS -> factum.value() - peerScore.value();
        };
    }

    public boolean isMet(Score factum, Score peerScore) {
        double measured = measured(factum, peerScore);
        return kind == Kind.EXCESS ? measured <= limit : measured >= limit;
    }
}
