package io.factum.store.memory;

import io.factum.MessageText;
import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.StreamIds;
import io.factum.store.WrongExpectedRevisionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link EventStore} in memory, for unit tests and prototypes. It keeps the whole contract,
 * including its errors, so code tested against it behaves the same on SQLite and PostgreSQL.
 *
 * <p><b>Locking.</b> One monitor guards all state: an append checks and writes under it, and a
 * read copies under it. Appends are therefore serialised, which makes atomicity, the
 * expected-revision check and the global order obvious: a reader can never see part of an append,
 * and positions become visible in increasing order. That is plenty for a test store.
 *
 * <p><b>Copies.</b> Payload arrays are copied on the way in and on the way out, so no caller can
 * change stored data. Occurred-at times are truncated to microseconds, the precision the SQL
 * stores keep, so tests do not pass here and fail there.
 *
 * <p>Global positions start at 1 and are contiguous.
 */
public final class InMemoryEventStore implements EventStore {

    private final Object lock = new Object();
    /** Every event in global order; the event at position {@code p} is at index {@code p - 1}. */
    private final List<StoredEvent> log = new ArrayList<>();
    private final Map<String, List<StoredEvent>> streams = new HashMap<>();
    private final Map<UUID, StoredEvent> byEventId = new HashMap<>();
    /** When each event was appended, by this JVM's clock: the event at position {@code p} at index {@code p - 1}. */
    private final List<Instant> committedAt = new ArrayList<>();
    private final Clock clock;

    /** A store whose commit times come from the system clock. */
    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    /** A store whose commit times ({@link #lastPositionCommittedBefore}) come from {@code clock}; for tests. */
    public InMemoryEventStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        StreamIds.validateAppend(streamId, events);
        Objects.requireNonNull(expected, "expected");
        List<NewEvent> batch = List.copyOf(events);
        synchronized (lock) {
            AppendResult repeat = earlierResultIfRepeat(streamId, batch);
            if (repeat != null) {
                return repeat;
            }
            rejectIdsStoredElsewhere(streamId, batch);
            List<StoredEvent> stream = streams.getOrDefault(streamId, List.of());
            long actual = stream.size() - 1L;
            if (!expected.accepts(actual)) {
                throw new WrongExpectedRevisionException(streamId, expected, actual);
            }
            if (batch.isEmpty()) {
                return stream.isEmpty() ? new AppendResult(streamId, -1, -1) : resultEndingAt(stream.get(stream.size() - 1));
            }
            return write(streamId, batch);
        }
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
        StreamIds.validateReadStream(streamId, fromRevision, maxCount);
        synchronized (lock) {
            List<StoredEvent> stream = streams.getOrDefault(streamId, List.of());
            return copyRange(stream, fromRevision, maxCount);
        }
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        StreamIds.validateReadAll(afterPosition, maxCount);
        synchronized (lock) {
            // Positions are contiguous from 1, so "after position p" starts at index p.
            return copyRange(log, afterPosition, maxCount);
        }
    }

    @Override
    public long lastPosition() {
        synchronized (lock) {
            return log.size();
        }
    }

    /** {@inheritDoc} By the clock the store was given, read under the store's lock as each append is written. */
    @Override
    public long lastPositionCommittedBefore(Instant time) {
        Objects.requireNonNull(time, "time");
        synchronized (lock) {
            int before = 0;
            while (before < committedAt.size() && committedAt.get(before).isBefore(time)) {
                before++;
            }
            return before;
        }
    }

    @Override
    public long streamRevision(String streamId) {
        StreamIds.validate(streamId);
        synchronized (lock) {
            return streams.getOrDefault(streamId, List.of()).size() - 1L;
        }
    }

    /**
     * The result of the original append when every event of {@code batch} is already stored in
     * this stream at consecutive revisions in the same order (a retry), otherwise null.
     */
    private AppendResult earlierResultIfRepeat(String streamId, List<NewEvent> batch) {
        if (batch.isEmpty()) {
            return null;
        }
        StoredEvent first = byEventId.get(batch.get(0).eventId());
        if (first == null || !first.streamId().equals(streamId)) {
            return null;
        }
        StoredEvent last = first;
        for (int i = 1; i < batch.size(); i++) {
            StoredEvent stored = byEventId.get(batch.get(i).eventId());
            if (stored == null || !stored.streamId().equals(streamId) || stored.streamRevision() != first.streamRevision() + i) {
                return null;
            }
            last = stored;
        }
        return resultEndingAt(last);
    }

    private void rejectIdsStoredElsewhere(String streamId, List<NewEvent> batch) {
        for (NewEvent event : batch) {
            StoredEvent stored = byEventId.get(event.eventId());
            if (stored != null) {
                throw new DuplicateEventIdException(event.eventId(), streamId,
                        "in stream " + MessageText.quote(stored.streamId()) + " at revision " + stored.streamRevision()
                                + (stored.streamId().equals(streamId) ? " (the append is not a retry of stored events in the same order)" : ""));
            }
        }
    }

    private AppendResult write(String streamId, List<NewEvent> batch) {
        List<StoredEvent> stream = streams.computeIfAbsent(streamId, id -> new ArrayList<>());
        StoredEvent last = null;
        Instant now = clock.instant();
        for (NewEvent event : batch) {
            last = new StoredEvent(event.eventId(), streamId, stream.size(), log.size() + 1L, event.type(),
                    event.schemaVersion(), event.occurredAt().truncatedTo(ChronoUnit.MICROS), event.metadata(),
                    event.payload().clone());
            stream.add(last);
            log.add(last);
            committedAt.add(now);
            byEventId.put(last.eventId(), last);
        }
        return resultEndingAt(last);
    }

    private static AppendResult resultEndingAt(StoredEvent last) {
        return new AppendResult(last.streamId(), last.streamRevision(), last.globalPosition());
    }

    private static List<StoredEvent> copyRange(List<StoredEvent> events, long from, int maxCount) {
        if (from >= events.size()) {
            return List.of();
        }
        int start = (int) from;
        int end = (int) Math.min(events.size(), (long) start + maxCount);
        List<StoredEvent> copies = new ArrayList<>(end - start);
        for (StoredEvent event : events.subList(start, end)) {
            copies.add(withOwnPayload(event));
        }
        return copies;
    }

    private static StoredEvent withOwnPayload(StoredEvent event) {
        return new StoredEvent(event.eventId(), event.streamId(), event.streamRevision(), event.globalPosition(),
                event.type(), event.schemaVersion(), event.occurredAt(), event.metadata(), event.payload().clone());
    }
}
