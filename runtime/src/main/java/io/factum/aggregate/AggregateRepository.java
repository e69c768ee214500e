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
import io.factum.store.SnapshotStore;
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
    private final AggregateSnapshots<A, E> snapshots;

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
        this(store, registry, type, bus, loadListener, null, SnapshotPolicy.never());
    }

    private AggregateRepository(EventStore store, EventTypeRegistry registry, AggregateType<A, E> type, EventBus bus,
                                AggregateLoadListener loadListener, SnapshotStore snapshotStore, SnapshotPolicy policy) {
        this.loadListener = loadListener;
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.type = Objects.requireNonNull(type, "type");
        this.bus = bus;
        this.snapshots = new AggregateSnapshots<>(type, snapshotStore, Objects.requireNonNull(policy, "policy"));
        // Command methods of aggregates this repository hands out apply events through the type
        // registry; registering here means explicit wiring needs no service file.
        AggregateTypes.register(type);
    }

    /**
     * This repository, loading from the snapshots in {@code snapshotStore} and taking new ones as {@code policy}
     * says. Loads restore the latest snapshot that fits this code and replay only the events after it; see
     * {@code docs/snapshots.md}.
     *
     * @throws IllegalArgumentException if the aggregate declares no snapshot ({@code @Aggregate(snapshot = ...)})
     */
    public AggregateRepository<A, E> withSnapshots(SnapshotStore snapshotStore, SnapshotPolicy policy) {
        return new AggregateRepository<>(store, registry, type, bus, loadListener,
                Objects.requireNonNull(snapshotStore, "snapshotStore"), policy);
    }

    /** What this repository's snapshots did so far (all zero without a snapshot store). */
    public SnapshotStats snapshotStats() {
        return snapshots.stats();
    }

    /**
     * Takes a snapshot of {@code aggregate} now, whatever the policy; nothing if it has unsaved events or the
     * repository has no snapshot store. A failure is logged and counted, never thrown.
     */
    public void takeSnapshot(A aggregate) {
        snapshots.take(aggregate, streamIdOf(aggregate));
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
        return findLoaded(id).map(LoadedAggregate::aggregate);
    }

    /**
     * The aggregate with business id {@code id} and how it was rebuilt (from which snapshot, how many events), or
     * empty if its stream has no events. With a snapshot store: the latest snapshot that fits, then the events after
     * it; a snapshot that does not fit is ignored (logged, counted) and the whole stream is replayed.
     *
     * @throws StreamTruncatedException if the stream was truncated and no fitting snapshot covers what was deleted
     */
    public Optional<LoadedAggregate<A>> findLoaded(String id) {
        Objects.requireNonNull(id, "id");
        if (loadListener == null) {
            return rebuild(id);
        }
        long start = System.nanoTime();
        AggregateLoadListener.Outcome outcome = AggregateLoadListener.Outcome.FAILURE;
        long replayed = 0;
        try {
            Optional<LoadedAggregate<A>> found = rebuild(id);
            outcome = found.isPresent() ? AggregateLoadListener.Outcome.FOUND : AggregateLoadListener.Outcome.ABSENT;
            replayed = found.map(LoadedAggregate::eventsReplayed).orElse(0L);
            return found;
        } finally {
            loadListener.loaded(new AggregateLoadListener.AggregateLoad(type.name(), outcome, replayed, System.nanoTime() - start));
        }
    }

    private Optional<LoadedAggregate<A>> rebuild(String id) {
        String streamId = type.streamId(id);
        AggregateSnapshots.Candidate<A> candidate = snapshots.candidate(streamId, id);
        SnapshotRejection rejection = candidate.rejection();
        if (candidate.aggregate() != null) {
            Replay<A> fromSnapshot = replay(candidate.aggregate(), streamId, candidate.revision(), null);
            if (fromSnapshot.lastRevision() >= 0) {
                snapshots.restored();
                return Optional.of(loaded(fromSnapshot, streamId, candidate.revision(), null));
            }
            rejection = snapshots.rejected(streamId, candidate.revision(), SnapshotRejection.FUTURE_REVISION,
                    "the stream has no event at or after it").rejection();
        }
        Replay<A> full = replay(type.newInstance(), streamId, -1, rejection);
        if (full.lastRevision() < 0) {
            return Optional.empty();
        }
        return Optional.of(loaded(full, streamId, -1, rejection));
    }

    private LoadedAggregate<A> loaded(Replay<A> replay, String streamId, long snapshotRevision, SnapshotRejection rejection) {
        replay.aggregate().replayedTo(replay.lastRevision());
        snapshots.afterLoad(replay.aggregate(), streamId, replay.applied(), rejection);
        return new LoadedAggregate<>(replay.aggregate(), snapshotRevision, replay.applied());
    }

    /**
     * One replay of a stream into {@code aggregate}.
     *
     * @param firstRevision the first revision read; -1 if none
     * @param lastRevision  the last revision read (the aggregate's revision); -1 if none
     * @param applied       the events applied
     */
    private record Replay<A>(A aggregate, long firstRevision, long lastRevision, long applied) {}

    /**
     * Applies the events after {@code snapshotRevision} (all of them for -1). From a snapshot, the read starts at the
     * snapshot's own revision, so one query also proves that revision exists (the snapshot is not from the future);
     * that event is not applied again.
     *
     * @param rejection why a stored snapshot was not used, for the error of a truncated stream; null if there was none
     * @throws StreamTruncatedException if the events the replay needs first were truncated
     */
    private Replay<A> replay(A aggregate, String streamId, long snapshotRevision, SnapshotRejection rejection) {
        long revision = Math.max(snapshotRevision, 0) - 1;
        long first = -1;
        long applied = 0;
        while (true) {
            List<StoredEvent> batch = store.readStream(streamId, revision + 1, REPLAY_BATCH_SIZE);
            for (StoredEvent event : batch) {
                if (first < 0) {
                    first = event.streamRevision();
                    if (snapshotRevision >= 0 && first > snapshotRevision + 1) {
                        throw new StreamTruncatedException(streamId, first, "its snapshot ends at revision " + snapshotRevision);
                    }
                    if (snapshotRevision < 0 && first > 0) { // before applying anything: a partial history is never replayed
                        throw new StreamTruncatedException(streamId, first, rejection == null ? "it has no snapshot"
                                : "its snapshot cannot be restored by this code (" + rejection + ")");
                    }
                }
                revision = event.streamRevision();
                if (revision > snapshotRevision) {
                    type.replay(aggregate, event, registry);
                    applied++;
                }
            }
            if (batch.size() < REPLAY_BATCH_SIZE) {
                break;
            }
        }
        return new Replay<>(aggregate, first, first < 0 ? -1 : revision, applied);
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
        long before = aggregate.storedRevision();
        aggregate.markStored(result.lastRevision());
        snapshots.afterSave(aggregate, streamId, before);

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
