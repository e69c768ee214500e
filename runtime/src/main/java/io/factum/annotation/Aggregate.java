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
}
