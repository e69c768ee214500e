package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event-sourced aggregate: a class extending
 * {@link io.factum.aggregate.AggregateRoot AggregateRoot&lt;E&gt;} with one {@link Apply}
 * method per event it reacts to.
 *
 * <p>The type argument {@code E} of {@code AggregateRoot<E>} declares the aggregate's
 * event family. When {@code E} is a sealed interface, the processor checks that every
 * permitted event record has an {@code @Apply} method, or is listed in {@link #ignores()}.
 *
 * <p>The processor generates {@code <Name>AggregateType}: creation, a direct-call
 * dispatcher and replay from stored events.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Aggregate {
    /** The aggregate type name, used as the stream-id prefix ({@code Order-42}). Empty means the simple class name. */
    String name() default "";

    /** Events of the family that this aggregate deliberately does not react to. */
    Class<?>[] ignores() default {};

    /**
     * The record of this aggregate's state that snapshots store; {@code void.class} (the default) for none. The
     * aggregate then declares {@code OrderSnapshot snapshot()} and a constructor {@code Order(OrderSnapshot)}; the
     * processor generates the codec and a fingerprint that keeps a snapshot from being restored by code it does not
     * fit. See {@code docs/snapshots.md}.
     */
    Class<?> snapshot() default void.class;

    /**
     * Raise by one when a change the snapshot fingerprint cannot see (a helper method the {@code @Apply} methods
     * call, a constant, a library) changes what a stored snapshot means: older snapshots are then ignored.
     */
    int snapshotVersion() default 1;
}
