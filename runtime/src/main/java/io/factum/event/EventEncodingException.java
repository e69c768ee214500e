package io.factum.event;

import io.factum.FactumException;

/** An event record could not be written: typically a required component is null. Nothing is stored. */
public class EventEncodingException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final String property;

    public EventEncodingException(String eventType, String property, String problem) {
        super("Cannot encode event " + eventType + (property == null ? "" : ", property '" + property + "'") + ": " + problem);
        this.eventType = eventType;
        this.property = property;
    }

    public String eventType() {
        return eventType;
    }

    public String property() {
        return property;
    }
}
