package io.factum.processor.event;

import com.palantir.javapoet.ClassName;

/**
 * A valid {@code @Event} record, as later generation steps need it. Built by
 * {@link EventStep}; generators never look at the element again.
 *
 * @param recordClass  the event record
 * @param storedName   the stored type name
 * @param version      the schema version
 * @param codecClass   the generated codec ({@code <Record>Codec}, with a static {@code INSTANCE})
 */
public record EventModel(ClassName recordClass, String storedName, int version, ClassName codecClass) {}
