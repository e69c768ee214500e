package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateLoadListener.AggregateLoad;
import io.factum.aggregate.AggregateLoadListener.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AggregateLoadMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AggregateLoadMetrics metrics = new AggregateLoadMetrics(meters);

    @Test
    void loadsAreTimedByAggregateTypeAndOutcomeAndTheEventsReplayedRecorded() {
        metrics.loaded(new AggregateLoad("Order", Outcome.FOUND, 3, 2_000_000));
        metrics.loaded(new AggregateLoad("Order", Outcome.FOUND, 5, 4_000_000));
        metrics.loaded(new AggregateLoad("Order", Outcome.ABSENT, 0, 1_000_000));
        metrics.loaded(new AggregateLoad("Invoice", Outcome.FAILURE, 0, 1_000_000));

        var found = meters.get("factum.aggregate.load").tags("aggregate", "Order", "outcome", "found").timer();
        assertThat(found.count()).isEqualTo(2);
        assertThat(found.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(meters.get("factum.aggregate.load").tags("aggregate", "Order", "outcome", "absent").timer().count()).isEqualTo(1);
        assertThat(meters.get("factum.aggregate.load").tags("aggregate", "Invoice", "outcome", "failure").timer().count()).isEqualTo(1);
        var events = meters.get("factum.aggregate.load.events").tags("aggregate", "Order").summary();
        assertThat(events.count()).isEqualTo(2);
        assertThat(events.totalAmount()).isEqualTo(8.0);
        assertThat(meters.get("factum.aggregate.load.events").tags("aggregate", "Invoice").summary().count()).isZero();
    }
}
