package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method that turns one schema version of an event into the next:
 *
 * <pre>{@code
 * @Event(name = "OrderCreated", version = 1)
 * record OrderCreatedV1(String orderId, String customer) {}
 *
 * @Event(name = "OrderCreated", version = 2)
 * record OrderCreated(String orderId, CustomerRef customer) implements OrderEvent {
 *     @Upcast
 *     static OrderCreated upcast(OrderCreatedV1 old) {
 *         return new OrderCreated(old.orderId(), new CustomerRef(old.customer(), null));
 *     }
 * }
 * }</pre>
 *
 * <p>The method may live in any class (the current record is a good home). It must be
 * {@code static}, not {@code private}, take exactly one {@link Event} record of version N and
 * return the record of the same stored name at version N + 1. The processor checks the whole
 * chain at compile time (no gaps, no duplicates, nothing skipped) and generates one
 * {@link io.factum.event.Upcaster} per method, which calls this method directly. Stored events
 * are decoded with their own version's codec and upcast step by step to the current version, so
 * aggregates and handlers only ever see current versions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upcast {}
