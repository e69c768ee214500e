package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.WrongExpectedRevisionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of an append, decided from what the stream's head and the append's event ids are in the
 * database: pure functions, the same for a single append and for every append of a group commit,
 * and testable without a database.
 */
final class AppendRules {

    private AppendRules() {}

    /** Where an event id is stored. */
    record StoredAt(String streamId, long revision, long position) {}

    /** A stream's last revision and that event's global position; both {@code -1} for no stream. */
    record StreamHead(long revision, long position) {
        static final StreamHead NONE = new StreamHead(-1, -1);
    }

    /**
     * The checks of an append, made with the stream locked: the result of an append that inserts
     * nothing (an idempotent repeat, or no events), or {@code null} if its events are to be inserted
     * after {@code head}.
     *
     * @param stored where the append's event ids are stored, if they are (may hold other ids too)
     * @throws DuplicateEventIdException       if some of its ids are stored, and not as this very append
     * @throws WrongExpectedRevisionException  if the stream is not at the expected revision
     */
    static AppendResult resultWithoutInsert(String streamId, ExpectedRevision expected, List<NewEvent> events,
            StreamHead head, Map<UUID, StoredAt> stored) {
        for (NewEvent event : events) {
            if (stored.containsKey(event.eventId())) {
                return idempotentRepeat(streamId, events, stored);
            }
        }
        if (!expected.accepts(head.revision())) {
            throw new WrongExpectedRevisionException(streamId, expected, head.revision());
        }
        if (events.isEmpty()) {
            return new AppendResult(streamId, head.revision(), head.position());
        }
        return null;
    }

    /**
     * Some ids of the append are stored already. It is an idempotent repeat only if all of them are
     * stored in this stream, in this order, at consecutive revisions; the result is the original
     * append's. The expected revision is not checked again: it held when the original was stored.
     */
    private static AppendResult idempotentRepeat(String streamId, List<NewEvent> events, Map<UUID, StoredAt> stored) {
        for (NewEvent event : events) {
            if (!stored.containsKey(event.eventId())) {
                UUID storedId = events.stream().map(NewEvent::eventId).filter(stored::containsKey).findFirst().orElseThrow();
                throw new DuplicateEventIdException(storedId, streamId, describe(stored.get(storedId))
                        + " while other events of this append are not; an idempotent retry must repeat the original append exactly");
            }
        }
        long firstRevision = stored.get(events.get(0).eventId()).revision();
        for (int i = 0; i < events.size(); i++) {
            StoredAt at = stored.get(events.get(i).eventId());
            if (!at.streamId().equals(streamId) || at.revision() != firstRevision + i) {
                throw new DuplicateEventIdException(events.get(i).eventId(), streamId, describe(at));
            }
        }
        StoredAt last = stored.get(events.get(events.size() - 1).eventId());
        return new AppendResult(streamId, last.revision(), last.position());
    }

    /**
     * The error of an append whose insert hit the unique key of an event id that was not stored when
     * it was checked: another transaction stored it since. {@code stored} is looked up afterwards.
     */
    static DuplicateEventIdException duplicateAfterRace(String streamId, List<NewEvent> events, Map<UUID, StoredAt> stored) {
        for (NewEvent event : events) {
            StoredAt at = stored.get(event.eventId());
            if (at != null) {
                return new DuplicateEventIdException(event.eventId(), streamId, describe(at));
            }
        }
        return new DuplicateEventIdException(events.get(0).eventId(), streamId,
                "(an event id of this append was stored concurrently)");
    }

    private static String describe(StoredAt at) {
        return "at stream " + MessageText.quote(at.streamId()) + " revision " + at.revision();
    }
}
