package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a domain event: an immutable fact, named in the past tense
 * ({@code OrderPlaced}, {@code MoneyWithdrawn}).
 *
 * <p>The processor generates a JSON codec for the record and registers it in the
 * module's event-type registry under its stored {@link #name()} and schema
 * {@link #version()}. The stored name is part of the data: once events are stored,
 * keep it when you rename the class.
 *
 * <pre>{@code
 * @Event(name = "OrderConfirmed")
 * public record OrderConfirmed(String orderId, Instant confirmedAt) implements OrderEvent {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Event {
    /** The stored type name. Empty means the record's simple name. */
    String name() default "";

    /** The schema version of this record's shape, starting at 1. Not the stream revision. */
    int version() default 1;
}
