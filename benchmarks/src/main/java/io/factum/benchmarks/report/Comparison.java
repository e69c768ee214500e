package io.factum.benchmarks.report;

import java.util.List;

/**
 * One row of the report: a Factum benchmark, the peers measured beside it, and the targets it is held to.
 *
 * @param title       what is measured, with its unit
 * @param factum      the Factum benchmark's key (see {@link Scores#key})
 * @param peers       the peers' keys, each with a short label
 * @param targets     the performance targets of this row; may be empty
 * @param scoreFactor multiplies every score before printing, e.g. events per append
 * @param scaledUnit  the unit after multiplying, e.g. {@code events/s}; null keeps JMH's
 */
public record Comparison(
        String title, String factum, List<Peer> peers, List<Target> targets, double scoreFactor, String scaledUnit) {

    public record Peer(String label, String key) {}

    public Comparison {
        peers = List.copyOf(peers);
        targets = List.copyOf(targets);
    }

    public Comparison(String title, String factum, List<Peer> peers, List<Target> targets) {
        this(title, factum, peers, targets, 1, null);
    }
}
