package io.factum.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.SliceRange;
import io.factum.subscription.FleetStatus;
import io.factum.subscription.SubscriptionMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code projections list} shows, for a partitioned subscription, each slice range's owner, lease expiry and checkpoint. */
class ProjectionListSlicesTest {

    private static final Instant UNTIL = Instant.parse("2026-12-03T13:30:00Z");

    @Test
    void aPartitionedSubscriptionGetsALinePerSliceRange() {
        FleetStatus fleet = new FleetStatus("totals", SubscriptionMode.partitioned(16), List.of(
                new FleetStatus.Lease(new SliceRange(0, 7, 16), Optional.of("replica-a"), UNTIL, false, 3, 120),
                new FleetStatus.Lease(new SliceRange(8, 13, 16), Optional.of("replica-b"), UNTIL, false, 4, 118),
                new FleetStatus.Lease(new SliceRange(14, 15, 16), Optional.of("gone"), UNTIL, true, 2, 90)), 90, 30);

        assertThat(ProjectionCommands.sliceLines(fleet)).hasSize(3).satisfiesExactly(
                line -> assertThat(line).contains("slices 0..7/16", "held by replica-a until 2026-12-03T13:30:00Z", "checkpoint 120"),
                line -> assertThat(line).contains("slices 8..13/16", "held by replica-b until", "checkpoint 118"),
                line -> assertThat(line).contains("slices 14..15/16", "free (no live lease)", "checkpoint 90")
                        .doesNotContain("gone"));
    }

    @Test
    void anExclusiveSubscriptionGetsNoSliceLines() {
        FleetStatus fleet = new FleetStatus("reactions", SubscriptionMode.exclusive(), List.of(
                new FleetStatus.Lease(new SliceRange(0, 0, 1), Optional.of("replica-a"), UNTIL, false, 1, 50)), 50, 0);

        assertThat(ProjectionCommands.sliceLines(fleet)).isEmpty();
    }
}
