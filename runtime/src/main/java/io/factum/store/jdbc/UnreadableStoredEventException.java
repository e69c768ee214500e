package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.StoredEvent;
import java.util.List;

/**
 * A row of the events table cannot be read as an event: an id that is no UUID, metadata headers
 * that are no JSON object of strings, a time out of range. It names the row's global position (and
 * what of its envelope could be read), and carries the events of the same read that come before it,
 * so that a reader can go on with them: a subscription delivers them, then stops at this position or
 * parks it, as its {@code onUndecodable} says.
 */
public class UnreadableStoredEventException extends JdbcStoreException {
    private static final long serialVersionUID = 1L;

    private final long globalPosition;
    private final String streamId;
    private final long streamRevision;
    private final String type;
    private final transient List<StoredEvent> eventsBefore;

    UnreadableStoredEventException(String table, long globalPosition, String streamId, long streamRevision, String type,
            List<StoredEvent> eventsBefore, RuntimeException cause) {
        super("Stored event at global position " + globalPosition + " in " + table + " (stream "
                + MessageText.quote(streamId) + " revision " + streamRevision + ", type " + MessageText.quote(type)
                + ") cannot be read: " + cause.getMessage() + "; the " + eventsBefore.size()
                + " events before it in this read could be", cause);
        this.globalPosition = globalPosition;
        this.streamId = streamId;
        this.streamRevision = streamRevision;
        this.type = type;
        this.eventsBefore = List.copyOf(eventsBefore);
    }

    /** The global position of the row that cannot be read. */
    public long globalPosition() {
        return globalPosition;
    }

    /** The row's stream id as stored. */
    public String streamId() {
        return streamId;
    }

    /** The row's stream revision as stored. */
    public long streamRevision() {
        return streamRevision;
    }

    /** The row's event type as stored. */
    public String type() {
        return type;
    }

    /** The events the read found before this row, in order; empty when it was the first. */
    public List<StoredEvent> eventsBefore() {
        return eventsBefore == null ? List.of() : eventsBefore;
    }
}
