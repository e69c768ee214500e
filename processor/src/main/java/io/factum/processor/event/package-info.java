/**
 * {@code @Event} records: the step, the modeler (declaration, components, the records a codec needs) and
 * the JSON codec generator. {@link io.factum.processor.event.EventModel} is what other packages know of
 * an event; {@link io.factum.processor.event.EventFamilies} reads the event family a type declares, for
 * aggregates and subscribers. Uses {@code base} only.
 */
package io.factum.processor.event;
