package io.factum.benchmarks.bus;

import com.google.common.eventbus.AllowConcurrentEvents;
import io.factum.annotation.Subscribe;
import io.factum.benchmarks.domain.OrderConfirmed;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One of the three subscribers of the sync bus benchmark. The same method is subscribed on Factum's bus
 * (generated registration), on Guava's {@code EventBus} (its annotations) and called directly, so every
 * variant does exactly the same work per subscriber.
 */
public class ShippingHandler {

    private final Blackhole blackhole;
    private long received;

    public ShippingHandler(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void on(OrderConfirmed event) {
        received++;
        blackhole.consume(event.orderId());
    }

    /** How many events this handler received; lets tests check that every variant delivers exactly once. */
    public long received() {
        return received;
    }
}
