package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a handler class that receives published events. The first parameter
 * is an {@link Event} record or a sealed interface of event records (the whole family);
 * an optional second parameter receives the {@link io.factum.event.EventEnvelope}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Subscribe {}
