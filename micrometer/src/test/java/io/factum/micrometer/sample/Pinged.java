package io.factum.micrometer.sample;

import io.factum.annotation.Event;

/** The test domain's one event. */
@Event
public record Pinged(String id, int count) {}
