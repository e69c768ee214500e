package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a compile-time event router: on an interface (empty, or extending
 * {@link io.factum.bus.EventPublisher}), the processor generates {@code <Interface>Router}, a final
 * class implementing it and {@code EventPublisher} whose {@code publish} calls the {@link Subscribe}
 * methods of the listed handler classes directly: an {@code instanceof} chain over the event records
 * they receive, with the handler instances in final fields, which the JIT inlines like hand-written calls.
 *
 * <p>The router's constructor takes one instance per listed class, in the listed order. Each event
 * reaches the matching methods in that order, and within one handler in declaration order. Failures
 * behave as on the {@link io.factum.bus.SynchronousEventBus}: the first exception stops the publish,
 * unchecked ones propagate unchanged, checked ones are wrapped in a
 * {@link io.factum.bus.SubscriberException}. Use it for a fixed set of handlers on a hot path; the
 * handlers cannot be changed at run time.
 *
 * <pre>{@code
 * @EventRouter(handlers = {Shipping.class, Billing.class})
 * interface OrderEvents extends EventPublisher {}
 *
 * EventPublisher events = new OrderEventsRouter(shipping, billing);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventRouter {
    /** The handler classes (classes with {@link Subscribe} methods), in delivery order; at least one, each once. */
    Class<?>[] handlers();
}
