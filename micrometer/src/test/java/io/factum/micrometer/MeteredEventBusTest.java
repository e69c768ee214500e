package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.bus.AsyncEventBus;
import io.factum.bus.RetryPolicy;
import io.factum.bus.SynchronousEventBus;
import io.factum.micrometer.sample.Pinged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MeteredEventBusTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aSynchronousBusCountsPublishesAndFailuresByEventTypeAndIsNotTimedByDefault() {
        MeteredEventBus bus = MeteredEventBus.of(new SynchronousEventBus(), meters);
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe("Counter.on", Pinged.class, envelope -> {
            if (envelope.payload().count() < 0) {
                throw new IllegalStateException("negative");
            }
            handled.incrementAndGet();
        });
        bus.publishEvent(new Pinged("a", 1));
        bus.publishEvent(new Pinged("b", 2));
        assertThatThrownBy(() -> bus.publishEvent(new Pinged("c", -1))).hasMessage("negative");

        assertThat(handled).hasValue(2);
        assertThat(meters.get("factum.bus.published").tags("bus", "sync", "event.type", "Pinged").counter().count()).isEqualTo(3);
        assertThat(meters.get("factum.bus.publish.failures").tags("event.type", "Pinged").counter().count()).isEqualTo(1);
        assertThat(meters.find("factum.bus.publish").timer()).isNull();
        assertThat(meters.find("factum.bus.handler").timer()).isNull();
    }

    @Test
    void timingIsOnWhenAsked() {
        MeteredEventBus bus = MeteredEventBus.of(new SynchronousEventBus(), meters,
                new MeteredEventBus.Options().timed(true).busName("orders"));
        bus.publishEvent(new Pinged("a", 1));
        assertThat(meters.get("factum.bus.publish").tags("bus", "orders").timer().count()).isEqualTo(1);
    }

    @Test
    void anAsynchronousBusReportsHandlerTimesFailedAttemptsDeadLettersAndQueues() throws Exception {
        try (AsyncEventBus async = AsyncEventBus.builder().retryPolicy(RetryPolicy.immediate(2)).build()) {
            MeteredEventBus bus = MeteredEventBus.of(async, meters);
            bus.subscribe("Failing.on", Pinged.class, envelope -> {
                throw new IllegalStateException("always");
            });
            bus.subscribe("Fine.on", Pinged.class, envelope -> {});
            bus.publishEvent(new Pinged("a", 1));
            bus.publishEvent(new Pinged("b", 1));
            assertThat(async.awaitIdle(Duration.ofSeconds(10))).isTrue();

            assertThat(meters.get("factum.bus.handler").tags("subscriber", "Fine.on", "outcome", "success").timer().count())
                    .isEqualTo(2);
            assertThat(meters.get("factum.bus.handler").tags("subscriber", "Failing.on", "outcome", "failure").timer().count())
                    .isEqualTo(4);
            assertThat(meters.get("factum.bus.failed.attempts").tags("subscriber", "Failing.on").functionCounter().count())
                    .isEqualTo(4);
            assertThat(meters.get("factum.bus.dead.lettered").tags("subscriber", "Failing.on").functionCounter().count())
                    .isEqualTo(2);
            assertThat(meters.get("factum.bus.dead.letters").tags("bus", "async").gauge().value()).isEqualTo(2);
            assertThat(meters.get("factum.bus.queue").tags("subscriber", "Fine.on").gauge().value()).isZero();
            assertThat(meters.get("factum.bus.published").tags("bus", "async").counter().count()).isEqualTo(2);
        }
    }
}
