package io.factum.aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Base class of event-sourced aggregates. Command methods check invariants and call
 * {@link #record}; {@code @Apply} methods change state. Loading replays the stream through the
 * same apply methods, so state is always derived from events.
 *
 * <pre>{@code
 * @Aggregate
 * public class Order extends AggregateRoot<OrderEvent> {
 *     private String id;
 *     private Status status;
 *
 *     public void confirm() {
 *         if (status != Status.PENDING) {
 *             throw new IllegalStateException("Only pending orders can be confirmed");
 *         }
 *         record(new OrderConfirmed(id));
 *     }
 *
 *     @Apply
 *     void on(OrderConfirmed event) {
 *         status = Status.CONFIRMED;
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: an aggregate instance belongs to one unit of work.
 *
 * @param <E> the event family: a sealed interface of event records, or a single record
 */
public abstract class AggregateRoot<E> {

    /** An event recorded by a command and not yet stored. Ids are fixed here, so a retried save is idempotent. */
    public record PendingEvent<E>(UUID eventId, Instant occurredAt, E event) {}

    private final List<PendingEvent<E>> uncommitted = new ArrayList<>();
    private long storedRevision = -1;
    private AggregateType<?, ?> type;

    protected AggregateRoot() {}

    /**
     * The aggregate's business id. Together with the aggregate name it forms the stream id. It is
     * usually set by the apply method of the creation event.
     */
    public abstract String id();

    /**
     * Records an event: applies it to this aggregate through its {@code @Apply} method and queues it
     * for the next save. Call it from command methods after the invariants hold.
     */
    protected final void record(E event) {
        if (event == null) {
            throw new NullPointerException("record(null) in " + getClass().getSimpleName());
        }
        applyEvent(event);
        // Microseconds: what every store keeps, so the saved envelope equals what a load reads back.
        uncommitted.add(new PendingEvent<>(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), event));
    }

    /** Revision of the last event stored for this aggregate; {@code -1} if nothing is stored yet. */
    public final long storedRevision() {
        return storedRevision;
    }

    /** Revision after the uncommitted events are stored: {@code storedRevision() + uncommitted count}. */
    public final long revision() {
        return storedRevision + uncommitted.size();
    }

    /** Events recorded since the last load or save, oldest first. */
    public final List<E> uncommittedEvents() {
        List<E> events = new ArrayList<>(uncommitted.size());
        for (PendingEvent<E> pending : uncommitted) {
            events.add(pending.event());
        }
        return Collections.unmodifiableList(events);
    }

    /** Recorded events with their ids and times, oldest first; for repositories. */
    public final List<PendingEvent<E>> pendingEvents() {
        return Collections.unmodifiableList(uncommitted);
    }

    /** Marks the pending events as stored, the last at {@code revision}; called by repositories after an append. */
    public final void markStored(long revision) {
        uncommitted.clear();
        storedRevision = revision;
    }

    /** Applies one event during replay, without queueing it; called by repositories and fixtures. */
    public final void replayed(E event, long revision) {
        applyEvent(event);
        storedRevision = revision;
    }

    /** Sets the stored revision after a replay that applied events through {@link AggregateType#replay}. */
    public final void replayedTo(long revision) {
        storedRevision = revision;
    }

    @SuppressWarnings("unchecked")
    private void applyEvent(E event) {
        if (type == null) {
            type = AggregateTypes.of(getClass());
        }
        ((AggregateType<AggregateRoot<E>, E>) type).apply(this, event);
    }
}
