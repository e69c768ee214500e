package io.factum.aggregate;

import io.factum.MessageText;
import io.factum.bus.EventBus;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.WrongExpectedRevisionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads event-sourced aggregates by replaying their stream and saves them by appending their
 * recorded events, with the revision they were loaded at as the expected revision.
 *
 * <pre>{@code
 * var orders = new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE);
 * Order order = orders.load("42");
 * order.confirm();
 * orders.save(order);   // WrongExpectedRevisionException if someone saved Order-42 meanwhile
 * }</pre>
 *
 * <p>Given an {@link EventBus}, the repository publishes the committed events after the append
 * succeeded, in order, and never when it failed. A subscriber that throws does not undo the
 * append: the events are stored and the aggregate is marked saved before publishing starts.
 *
 * <p>Thread-safe (it holds no state of its own); the aggregates it returns are not.
 *
 * @param <A> the aggregate class
 * @param <E> its event family
 */
public final class AggregateRepository<A extends AggregateRoot<E>, E> {

    /** Events read per round trip while replaying a stream. */
    static final int REPLAY_BATCH_SIZE = 500;

    private final EventStore store;
    private final EventTypeRegistry registry;
    private final AggregateType<A, E> type;
    private final EventBus bus;
    /** Null when nobody listens: then a load does not read the clock. */
    private final AggregateLoadListener loadListener;

    /** A repository that does not publish. */
    public AggregateRepository(EventStore store, EventTypeRegistry registry, AggregateType<A, E> type) {
        this(store, registry, type, null);
    }

    /**
     * A repository that publishes every committed event to {@code bus}.
     *
     * @param bus where committed events go after a successful save; null to publish nothing
     */
    public AggregateRepository(EventStore store, EventTypeRegistry registry, AggregateType<A, E> type, EventBus bus) {
        this(store, registry, type, bus, null);
    }

    /**
     * A repository that publishes to {@code bus} and tells {@code loadListener} of every load (for metrics).
     *
     * @param bus          where committed events go after a successful save; null to publish nothing
     * @param loadListener told of every load; null for none
     */
    public AggregateRepository(EventStore store, EventTypeRegistry registry, AggregateType<A, E> type, EventBus bus,
            AggregateLoadListener loadListener) {
        this.loadListener = loadListener;
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        this.bus = bus;
        // Command methods of aggregates this repository hands out apply events through the type
        // registry; registering here means explicit wiring needs no service file.
        AggregateTypes.register(type);
    }

    /**
     * The aggregate with business id {@code id}, rebuilt from its stream.
     *
     * @throws AggregateNotFoundException                if its stream has no events
     * @throws io.factum.event.EventDecodingException    if a stored payload does not decode
     * @throws io.factum.event.UnknownEventTypeException if a stored type is not one of its events
     */
    public A load(String id) {
        return find(id).orElseThrow(() -> new AggregateNotFoundException(type.name(), id, type.streamId(id)));
    }

    /** The aggregate with business id {@code id}, or empty if its stream has no events. */
    public Optional<A> find(String id) {
        Objects.requireNonNull(id, "id");
        if (loadListener == null) {
            return replay(id);
        }
        long start = System.nanoTime();
        AggregateLoadListener.Outcome outcome = AggregateLoadListener.Outcome.FAILURE;
        long replayed = 0;
        try {
            Optional<A> found = replay(id);
            outcome = found.isPresent() ? AggregateLoadListener.Outcome.FOUND : AggregateLoadListener.Outcome.ABSENT;
            replayed = found.map(aggregate -> aggregate.storedRevision() + 1).orElse(0L);
            return found;
        } finally {
            loadListener.loaded(new AggregateLoadListener.AggregateLoad(type.name(), outcome, replayed, System.nanoTime() - start));
        }
    }

    private Optional<A> replay(String id) {
        String streamId = type.streamId(id);
        A aggregate = type.newInstance();
        long revision = -1;
        while (true) {
            List<StoredEvent> batch = store.readStream(streamId, revision + 1, REPLAY_BATCH_SIZE);
            for (StoredEvent event : batch) {
                type.replay(aggregate, event, registry);
                revision = event.streamRevision();
            }
            if (batch.size() < REPLAY_BATCH_SIZE) {
                break;
            }
        }
        if (revision < 0) {
            return Optional.empty();
        }
        aggregate.replayedTo(revision);
        return Optional.of(aggregate);
    }

    /** Saves the aggregate's recorded events with no metadata. See {@link #save(AggregateRoot, Metadata)}. */
    public List<EventEnvelope<E>> save(A aggregate) {
        return save(aggregate, Metadata.empty());
    }

    /**
     * Appends the events the aggregate recorded since it was loaded or last saved, expecting the
     * stream to be where the aggregate left it ({@link ExpectedRevision#noStream()} for a new
     * aggregate). Their ids and times were fixed when they were recorded, so retrying a save whose
     * outcome is unknown (a lost connection) stores them once.
     *
     * @param metadata correlation, causation and headers for every event of this save
     * @return the committed events with their revisions and positions; empty if nothing was recorded
     * @throws WrongExpectedRevisionException if the stream changed since the aggregate was loaded;
     *                                        nothing was stored and the aggregate keeps its events
     */
    public List<EventEnvelope<E>> save(A aggregate, Metadata metadata) {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(metadata, "metadata");
        List<AggregateRoot.PendingEvent<E>> pending = List.copyOf(aggregate.pendingEvents());
        if (pending.isEmpty()) {
            return List.of();
        }
        String streamId = streamIdOf(aggregate);
        ExpectedRevision expected = aggregate.storedRevision() < 0
                ? ExpectedRevision.noStream()
                : ExpectedRevision.exactly(aggregate.storedRevision());
        List<NewEvent> encoded = new ArrayList<>(pending.size());
        for (AggregateRoot.PendingEvent<E> event : pending) {
            encoded.add(registry.encode(event.eventId(), event.occurredAt(), event.event(), metadata));
        }

        AppendResult result = store.append(streamId, expected, encoded);
        aggregate.markStored(result.lastRevision());

        List<EventEnvelope<E>> committed = envelopes(streamId, pending, encoded, result);
        if (bus != null) {
            for (EventEnvelope<E> envelope : committed) {
                bus.publish(envelope);
            }
        }
        return committed;
    }

    /** The aggregate type this repository loads and saves. */
    public AggregateType<A, E> type() {
        return type;
    }

    private String streamIdOf(A aggregate) {
        String id = aggregate.id();
        if (id == null) {
            throw new IllegalStateException("Cannot save " + type.name() + ": its id() is null. The apply method of its "
                    + "creation event must set the id before the aggregate is saved.");
        }
        return type.streamId(id);
    }

    /**
     * Envelopes of what was just committed. Revisions are contiguous and end at the result's; global
     * positions need not be contiguous, so for more than one event they are read back from the store.
     */
    private List<EventEnvelope<E>> envelopes(
            String streamId, List<AggregateRoot.PendingEvent<E>> pending, List<NewEvent> encoded, AppendResult result) {
        int count = pending.size();
        long firstRevision = result.lastRevision() - count + 1;
        long[] positions = new long[count];
        positions[count - 1] = result.lastPosition();
        if (count > 1) {
            List<StoredEvent> stored = store.readStream(streamId, firstRevision, count);
            for (int i = 0; i < count; i++) {
                StoredEvent event = stored.get(i);
                if (!event.eventId().equals(pending.get(i).eventId())) {
                    throw new IllegalStateException("Store returned event " + event.eventId() + " at revision "
                            + event.streamRevision() + " of " + MessageText.quote(streamId) + " right after appending "
                            + pending.get(i).eventId() + " there; the store breaks the append contract");
                }
                positions[i] = event.globalPosition();
            }
        }
        List<EventEnvelope<E>> envelopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewEvent event = encoded.get(i);
            envelopes.add(new EventEnvelope<>(event.eventId(), streamId, firstRevision + i, positions[i], event.type(),
                    event.schemaVersion(), event.occurredAt(), event.metadata(), pending.get(i).event()));
        }
        return envelopes;
    }
}
