package io.factum.event;

import io.factum.MessageText;
import io.factum.FactumException;
import io.factum.store.StoredEvent;

/**
 * A stored payload could not be turned into its event record: a required property is missing
 * or null, a value has the wrong shape, or the JSON is corrupt or truncated.
 *
 * <p>Thrown by codecs with the event type and property; the layer that reads from a store
 * adds where the event lives ({@link #at(StoredEvent)}), so the final message names the
 * stream, revision, position and type.
 */
public class EventDecodingException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final String property;
    private final String problem;
    private final transient Location location;

    /** Where a stored event lives; null when the error was raised outside a store read. */
    public record Location(String streamId, long streamRevision, long globalPosition, int schemaVersion) {}

    public EventDecodingException(String eventType, String property, String problem, Throwable cause) {
        this(eventType, property, problem, null, cause);
    }

    public EventDecodingException(String eventType, String property, String problem) {
        this(eventType, property, problem, null, null);
    }

    protected EventDecodingException(String eventType, String property, String problem, Location location, Throwable cause) {
        super(message(eventType, property, problem, location), cause);
        this.eventType = eventType;
        this.property = property;
        this.problem = problem;
        this.location = location;
    }

    private static String message(String eventType, String property, String problem, Location location) {
        StringBuilder sb = new StringBuilder("Cannot decode event ").append(eventType);
        if (location != null) {
            sb.append(" v").append(location.schemaVersion())
              .append(" at stream ").append(MessageText.quote(location.streamId()))
              .append(" revision ").append(location.streamRevision())
              .append(" (global position ").append(location.globalPosition()).append(')');
        }
        if (property != null) {
            sb.append(", property '").append(property).append('\'');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The same error, located at {@code event}. */
    public EventDecodingException at(StoredEvent event) {
        return new EventDecodingException(eventType, property, problem,
                new Location(event.streamId(), event.streamRevision(), event.globalPosition(), event.schemaVersion()),
                getCause() != null ? getCause() : this);
    }

    public String eventType() {
        return eventType;
    }

    /** The JSON property path that failed, e.g. {@code lines[2].quantity}; null for whole-payload problems. */
    public String property() {
        return property;
    }

    public String problem() {
        return problem;
    }

    /** Where the event is stored, or null if unknown. */
    public Location location() {
        return location;
    }
}
