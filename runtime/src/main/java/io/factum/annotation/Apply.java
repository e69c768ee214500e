package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link Aggregate} that changes its state in reaction to one event.
 * The method takes exactly one parameter, an {@link Event} record; it must not be
 * {@code private} or {@code static}, and should only assign state: invariants belong to
 * command methods, because apply methods also run on replay of historic events.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Apply {}
