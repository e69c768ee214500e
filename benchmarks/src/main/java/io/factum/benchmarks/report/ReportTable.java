package io.factum.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders comparisons as a plain-text table: scores, Factum's speedup over each peer, targets met or missed. */
public final class ReportTable {

    private ReportTable() {}

    public static String render(List<Comparison> comparisons, Scores scores) {
        StringBuilder out = new StringBuilder();
        List<String> verdicts = new ArrayList<>();
        for (Comparison row : comparisons) {
            Score factum = scaled(scores.get(row.factum()), row);
            out.append(row.title()).append('\n');
            out.append(String.format(Locale.ROOT, "    %-34s %s%n", "Factum", describe(factum)));
            for (Comparison.Peer peer : row.peers()) {
                Score peerScore = scaled(scores.get(peer.key()), row);
                String ratio = factum == null || peerScore == null
                        ? ""
                        : String.format(Locale.ROOT, "   Factum %s", speedup(factum.speedupOver(peerScore)));
                out.append(String.format(Locale.ROOT, "    %-34s %s%s%n", peer.label(), describe(peerScore), ratio));
            }
            for (Target target : row.targets()) {
                String verdict = verdict(row, target, factum, scores);
                out.append("    target ").append(verdict).append('\n');
                verdicts.add(row.title() + ": " + verdict);
            }
            out.append('\n');
        }
        out.append("Targets\n");
        for (String verdict : verdicts) {
            out.append("    ").append(verdict).append('\n');
        }
        return out.toString();
    }

    private static String verdict(Comparison row, Target target, Score factum, Scores scores) {
        Score peer = target.peer() == null ? null : scaled(scores.get(target.peer()), row);
        if (factum == null || (target.peer() != null && peer == null)) {
            return target.description() + ": NOT MEASURED";
        }
        double measured = target.measured(factum, peer);
        String value = switch (target.kind()) {
            case ABSOLUTE -> String.format(Locale.ROOT, "%,.0f %s", measured, factum.unit());
            case SPEEDUP -> speedup(measured);
            case EXCESS -> String.format(Locale.ROOT, "%+,.1f %s over %s", measured, factum.unit(), format(peer.value()));
        };
        boolean noisy = factum.isNoisy() || peer != null && peer.isNoisy();
        return target.description() + ": " + value + (target.isMet(factum, peer) ? "  MET" : "  MISSED")
                + (noisy ? " (noisy)" : "");
    }

    /** {@code 2.31x faster} or {@code 1.45x slower}, so nobody has to remember which way a ratio reads. */
    static String speedup(double speedup) {
        return speedup >= 1
                ? String.format(Locale.ROOT, "%.2fx faster", speedup)
                : String.format(Locale.ROOT, "%.2fx slower", 1 / speedup);
    }

    private static String describe(Score score) {
        if (score == null) {
            return String.format(Locale.ROOT, "%24s", "not measured");
        }
        String error = Double.isNaN(score.error()) ? "" : String.format(Locale.ROOT, "± %,.1f", score.error());
        return String.format(Locale.ROOT, "%14s %-9s %-8s", format(score.value()), error.isEmpty() ? "" : error,
                score.unit());
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static Score scaled(Score score, Comparison row) {
        return score == null || row.scoreFactor() == 1 && row.scaledUnit() == null
                ? score
                : score.times(row.scoreFactor(), row.scaledUnit());
    }
}
