package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.event.EventModel;
import java.util.List;

/**
 * The event records an aggregate or a subscriber method accepts, as declared by one type.
 *
 * @param type    the declared type: a sealed interface, a single record, or an open interface
 * @param kind    how the members are known
 * @param members the {@code @Event} records of the family, in {@code permits} order (empty for
 *                {@link Kind#OPEN}: the compiler cannot enumerate an open interface)
 */
public record EventFamily(ClassName type, Kind kind, List<EventModel> members) {

    public enum Kind {
        /** A sealed interface: its permitted records, recursively through nested sealed interfaces. */
        SEALED,
        /** One {@code @Event} record. */
        SINGLE_RECORD,
        /** A non-sealed interface: any {@code @Event} record implementing it; not exhaustive. */
        OPEN
    }

    public EventFamily {
        members = List.copyOf(members);
    }

    /** Whether the compiler knows every member, so exhaustiveness can be checked. */
    public boolean isClosed() {
        return kind != Kind.OPEN;
    }

    /** The member record {@code record}, or null if it is not (known to be) in the family. */
    public EventModel member(ClassName record) {
        for (EventModel member : members) {
            if (member.recordClass().equals(record)) {
                return member;
            }
        }
        return null;
    }
}
