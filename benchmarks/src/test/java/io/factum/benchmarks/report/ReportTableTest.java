package io.factum.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    @Test
    void speedupReadsTheSameWayForTimesAndThroughputs() {
        Score fastTime = new Score(10, 1, "ns/op", false);
        Score slowTime = new Score(300, 5, "ns/op", false);
        Score highThroughput = new Score(700, 10, "ops/s", true);
        Score lowThroughput = new Score(1_000, 10, "ops/s", true);

        assertThat(fastTime.speedupOver(slowTime)).isEqualTo(30.0);
        assertThat(highThroughput.speedupOver(lowThroughput)).isEqualTo(0.7);
        assertThat(ReportTable.speedup(30)).isEqualTo("30.00x faster");
        assertThat(ReportTable.speedup(0.5)).isEqualTo("2.00x slower");
    }

    @Test
    void targetsAreMarkedMetMissedOrNotMeasured() {
        Scores scores = new Scores();
        scores.put("A.factum", new Score(8, 0.1, "ns/op", false));
        scores.put("A.axon", new Score(232, 3, "ns/op", false));
        scores.put("A.hand", new Score(7.5, 0.1, "ns/op", false));
        Comparison row = new Comparison("Replay (ns/event)", "A.factum",
                List.of(new Comparison.Peer("Axon", "A.axon"), new Comparison.Peer("hand-written", "A.hand"),
                        new Comparison.Peer("absent", "A.absent")),
                List.of(Target.fasterThan("A.axon", 30, ">= 30x Axon"),
                        Target.within("A.hand", 1.05, "within 1.05x of hand-written"),
                        Target.fasterThan("A.absent", 2, ">= 2x absent")));

        String table = ReportTable.render(List.of(row), scores);

        assertThat(table)
                .contains(">= 30x Axon: 29.00x faster  MISSED")
                .contains("within 1.05x of hand-written: 1.07x slower  MISSED")
                .contains(">= 2x absent: NOT MEASURED")
                .contains("not measured");
    }

    @Test
    void verdictsOnWideConfidenceIntervalsAreMarkedNoisy() {
        Scores scores = new Scores();
        scores.put("B.factum", new Score(20, 15, "ns/op", false));
        scores.put("B.guava", new Score(300, 10, "ns/op", false));
        Comparison row = new Comparison("Publish (ns)", "B.factum", List.of(new Comparison.Peer("Guava", "B.guava")),
                List.of(Target.fasterThan("B.guava", 10, ">= 10x Guava")));

        assertThat(ReportTable.render(List.of(row), scores))
                .contains(">= 10x Guava: 15.00x faster  MET (noisy)");
    }

    @Test
    void absoluteTargetsAndScaledScoresUseTheScaledUnit() {
        Scores scores = new Scores();
        scores.put("C.read", new Score(12.5, 0.5, "ops/s", true));
        Comparison row = new Comparison("Catch-up (events/s)", "C.read", List.of(),
                List.of(Target.atLeast(200_000, ">= 200k events/s")), 20_000, "events/s");

        assertThat(ReportTable.render(List.of(row), scores)).contains(">= 200k events/s: 250,000 events/s  MET");
    }

    @Test
    void excessTargetsCompareTheDifferenceInTheScoresUnit() {
        Scores scores = new Scores();
        scores.put("D.plain", new Score(20, 0.5, "ns/op", false));
        scores.put("D.counted", new Score(31.5, 0.5, "ns/op", false));
        scores.put("D.timed", new Score(52, 0.5, "ns/op", false));
        Comparison counted = new Comparison("Counted (ns)", "D.counted", List.of(new Comparison.Peer("plain", "D.plain")),
                List.of(Target.atMostAbove("D.plain", 15, "<= plain + 15 ns")));
        Comparison timed = new Comparison("Timed (ns)", "D.timed", List.of(new Comparison.Peer("plain", "D.plain")),
                List.of(Target.atMostAbove("D.plain", 15, "<= plain + 15 ns")));

        assertThat(ReportTable.render(List.of(counted, timed), scores))
                .contains("<= plain + 15 ns: +11.5 ns/op over 20.00  MET")
                .contains("<= plain + 15 ns: +32.0 ns/op over 20.00  MISSED");
    }
}
