package io.factum.store;

import io.factum.MessageText;
import io.factum.FactumException;
import java.util.UUID;

/** An appended event id is already stored at another place. Nothing of the append was stored. */
public class DuplicateEventIdException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final UUID eventId;
    private final String streamId;

    public DuplicateEventIdException(UUID eventId, String streamId, String detail) {
        super("Event id " + eventId + " appended to stream " + MessageText.quote(streamId) + " is already stored " + detail
                + "; nothing was written. Event ids must be unique: create a new id for a new event.");
        this.eventId = eventId;
        this.streamId = streamId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String streamId() {
        return streamId;
    }
}
