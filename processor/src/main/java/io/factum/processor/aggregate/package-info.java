/**
 * {@code @Aggregate} classes and their {@code @Apply} methods: the step, the modeler (declaration, event
 * family, apply methods, exhaustiveness) and the generator of {@code <Name>AggregateType}. Uses {@code base}
 * and {@code event} (its models and event families).
 */
package io.factum.processor.aggregate;
