package io.factum.event;

import io.factum.MessageText;
import io.factum.FactumException;
import io.factum.store.StoredEvent;

/**
 * A stored event names a type (or a schema version of it) that no registered module knows.
 * Usually a module's generated registry is not wired, or the data was written by newer code.
 */
public class UnknownEventTypeException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final int version;
    private final String streamId;
    private final long streamRevision;
    private final long globalPosition;

    public UnknownEventTypeException(StoredEvent event, String detail) {
        super("Unknown event type " + event.type() + " v" + event.schemaVersion()
                + " at stream " + MessageText.quote(event.streamId()) + " revision " + event.streamRevision()
                + " (global position " + event.globalPosition() + "): " + detail);
        this.type = event.type();
        this.version = event.schemaVersion();
        this.streamId = event.streamId();
        this.streamRevision = event.streamRevision();
        this.globalPosition = event.globalPosition();
    }

    /** For types that are unknown before anything is stored (e.g. encoding a class with no codec). */
    public UnknownEventTypeException(String message) {
        super(message);
        this.type = null;
        this.version = 0;
        this.streamId = null;
        this.streamRevision = -1;
        this.globalPosition = -1;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public String streamId() {
        return streamId;
    }

    public long streamRevision() {
        return streamRevision;
    }

    public long globalPosition() {
        return globalPosition;
    }
}
