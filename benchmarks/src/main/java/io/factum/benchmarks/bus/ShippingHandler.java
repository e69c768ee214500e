package io.factum.benchmarks.bus;

import com.google.common.eventbus.AllowConcurrentEvents;
import io.factum.annotation.Subscribe;
import io.factum.benchmarks.domain.DiscountApplied;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderShipped;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One of the three subscribers of the sync bus benchmarks. The same methods are subscribed on Factum's bus
 * (generated registration), on Guava's {@code EventBus} (its annotations), routed by the generated
 * {@link OrderHandlers} router and called directly, so every variant does exactly the same work per subscriber.
 * {@link SyncPublishBenchmark} publishes only {@code OrderConfirmed}; {@link SyncPublishMixedBenchmark} all four
 * types. The three handlers are separate classes on purpose, like the handlers of an application: each method is a call target of its own.
 */
public class ShippingHandler {

    private final Blackhole blackhole;
    private long confirmed;
    private long shipped;
    private long added;
    private long discounted;

    public ShippingHandler(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void on(OrderConfirmed event) {
        confirmed++;
        blackhole.consume(event.orderId());
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void on(OrderShipped event) {
        shipped++;
        blackhole.consume(event.orderId());
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void on(ItemAdded event) {
        added++;
        blackhole.consume(event.orderId());
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void on(DiscountApplied event) {
        discounted++;
        blackhole.consume(event.orderId());
    }

    /**
     * How many events of each type this handler received, in the order {@code OrderConfirmed},
     * {@code OrderShipped}, {@code ItemAdded}, {@code DiscountApplied}; lets tests check that every variant
     * delivers exactly once.
     */
    public long[] received() {
        return new long[] {confirmed, shipped, added, discounted};
    }
}
