package io.factum.benchmarks.bus;

import com.google.common.eventbus.AllowConcurrentEvents;
import io.factum.annotation.Subscribe;
import io.factum.benchmarks.domain.OrderConfirmed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Three subscribers of the async throughput benchmark, counting what they receive so the benchmark
 * knows when every published event has reached all three. Subscribed on Factum's async bus and on
 * Guava's {@code AsyncEventBus}.
 */
public class DeliveryCounter {

    private final AtomicLong inventory = new AtomicLong();
    private final AtomicLong invoicing = new AtomicLong();
    private final AtomicLong analytics = new AtomicLong();

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void reserveStock(OrderConfirmed event) {
        inventory.incrementAndGet();
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void invoice(OrderConfirmed event) {
        invoicing.incrementAndGet();
    }

    @Subscribe
    @com.google.common.eventbus.Subscribe
    @AllowConcurrentEvents
    public void count(OrderConfirmed event) {
        analytics.incrementAndGet();
    }

    /** What each of the three subscribers received so far, in declaration order. */
    public long[] received() {
        return new long[] {inventory.get(), invoicing.get(), analytics.get()};
    }

    /**
     * Waits until each of the three subscribers has received {@code expected} events in total.
     *
     * @throws IllegalStateException if that takes over a minute: a bus lost events, and a benchmark must not hang
     */
    public void awaitEach(long expected) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (inventory.get() < expected || invoicing.get() < expected || analytics.get() < expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Subscribers received " + inventory.get() + ", " + invoicing.get()
                        + " and " + analytics.get() + " events within a minute; expected " + expected + " each");
            }
            Thread.onSpinWait();
        }
    }
}
