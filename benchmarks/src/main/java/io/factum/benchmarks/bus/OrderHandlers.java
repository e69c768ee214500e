package io.factum.benchmarks.bus;

import io.factum.annotation.EventRouter;
import io.factum.bus.EventPublisher;

/**
 * The three handlers of the sync bus benchmarks, in the order the buses subscribe them, as a compile-time
 * router: the processor generates {@code OrderHandlersRouter}, which calls their methods directly.
 */
@EventRouter(handlers = {ShippingHandler.class, BillingHandler.class, NotificationHandler.class})
public interface OrderHandlers extends EventPublisher {}
