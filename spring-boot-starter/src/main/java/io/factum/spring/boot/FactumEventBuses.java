package io.factum.spring.boot;

import io.factum.bus.AsyncEventBus;
import io.factum.bus.EventBus;
import io.factum.bus.SynchronousEventBus;
import io.factum.spring.boot.bus.AfterCommitEventBus;

/**
 * The bus the auto-configuration built ({@code factum.bus.type}: synchronous or asynchronous), and the one
 * the application uses ({@link #bus()}): publishing after the Spring transaction commits, counted when
 * there is a meter registry. Closing it closes an asynchronous bus, which drains what it accepted.
 */
public final class FactumEventBuses implements AutoCloseable {

    private final EventBus raw;
    private final EventBus bus;

    FactumEventBuses(FactumProperties.Bus properties, FactumInstrumentation instrumentation) {
        this.raw = properties.getType() == FactumProperties.BusType.ASYNC
                ? AsyncEventBus.builder().queueCapacity(properties.getQueueCapacity()).build()
                : new SynchronousEventBus();
        this.bus = new AfterCommitEventBus(instrumentation.bus(raw, properties.isTimed()));
    }

    /** The bus the application publishes to and the generated subscribers are on. */
    public EventBus bus() {
        return bus;
    }

    /** The bus without decorators: a {@link SynchronousEventBus} or an {@link AsyncEventBus}. */
    public EventBus raw() {
        return raw;
    }

    @Override
    public void close() {
        if (raw instanceof AsyncEventBus async) {
            async.close();
        }
    }
}
