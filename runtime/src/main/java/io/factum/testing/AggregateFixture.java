package io.factum.testing;

import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.AggregateTypes;
import io.factum.event.EventTypeRegistry;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Given-when-then tests for an aggregate, without a store:
 *
 * <pre>{@code
 * AggregateFixture.of(OrderAggregateType.INSTANCE)
 *         .given(new OrderPlaced("42", "Alice"))
 *         .when(order -> order.confirm())
 *         .expectEvents(new OrderConfirmed("42"));
 *
 * AggregateFixture.of(OrderAggregateType.INSTANCE)
 *         .given(new OrderPlaced("42", "Alice"), new OrderCancelled("42", "changed my mind"))
 *         .when(Order::confirm)
 *         .expectError(IllegalStateException.class, "Only pending orders can be confirmed");
 * }</pre>
 *
 * <p>The given events are applied as on a load; then the command runs and its
 * {@link Outcome} holds the events it recorded or the exception it threw. Expectations fail with an
 * {@link AssertionError}, so the fixture works with any test framework.
 *
 * <p>With an {@link EventTypeRegistry} ({@link #of(AggregateType, EventTypeRegistry)}) every given and
 * recorded event also makes a round trip through its codec, and given events are replayed through
 * the generated replay code, as from a store. A codec that loses data then fails the test.
 *
 * <p>Immutable: {@code given} returns a new fixture, so one fixture can serve several tests.
 *
 * @param <A> the aggregate class
 * @param <E> its event family
 */
public final class AggregateFixture<A extends AggregateRoot<E>, E> {

    /** Stored events made from given events carry this time; it is not part of any expectation. */
    private static final Instant GIVEN_AT = Instant.parse("2000-01-01T00:00:00Z");

    private final AggregateType<A, E> type;
    private final EventTypeRegistry registry;
    private final List<E> given;
    /** The snapshot record the given events follow; null to start from nothing. */
    private final Object snapshot;
    private final long snapshotRevision;

    private AggregateFixture(AggregateType<A, E> type, EventTypeRegistry registry, List<E> given) {
        this(type, registry, given, null, -1);
    }

    private AggregateFixture(AggregateType<A, E> type, EventTypeRegistry registry, List<E> given, Object snapshot,
                             long snapshotRevision) {
        this.snapshot = snapshot;
        this.snapshotRevision = snapshotRevision;
        this.type = type;
        this.registry = registry;
        this.given = given;
    }

    /** A fixture that applies events directly, without encoding them. */
    public static <A extends AggregateRoot<E>, E> AggregateFixture<A, E> of(AggregateType<A, E> type) {
        return create(type, null);
    }

    /** A fixture that also round-trips every given and recorded event through its codec in {@code registry}. */
    public static <A extends AggregateRoot<E>, E> AggregateFixture<A, E> of(AggregateType<A, E> type, EventTypeRegistry registry) {
        return create(type, Objects.requireNonNull(registry, "registry"));
    }

    private static <A extends AggregateRoot<E>, E> AggregateFixture<A, E> create(AggregateType<A, E> type, EventTypeRegistry registry) {
        Objects.requireNonNull(type, "type");
        // Command methods apply recorded events through AggregateTypes; make sure this type is there.
        AggregateTypes.register(type);
        return new AggregateFixture<>(type, registry, List.of());
    }

    /** The events that happened before the command, oldest first; added to any given before. */
    @SafeVarargs
    public final AggregateFixture<A, E> given(E... events) {
        List<E> list = new ArrayList<>(events.length);
        for (E event : events) { // element by element: javac's varargs lint flags passing the array on
            list.add(event);
        }
        return given(list);
    }

    /** The events that happened before the command, oldest first; added to any given before. */
    public AggregateFixture<A, E> given(List<? extends E> events) {
        List<E> all = new ArrayList<>(given);
        for (E event : events) {
            all.add(Objects.requireNonNull(event, "given events must not contain null"));
        }
        return new AggregateFixture<>(type, registry, List.copyOf(all), snapshot, snapshotRevision);
    }

    /**
     * Starts from a snapshot record taken at stream revision {@code revision}, as a load restores it: through the
     * generated codec (checked to read back equal) and the restoring constructor. Given events follow it, at
     * {@code revision + 1} on; events given before this call are dropped.
     *
     * @throws UnsupportedOperationException if the aggregate declares no snapshot
     */
    public AggregateFixture<A, E> givenSnapshot(Object snapshot, long revision) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!type.hasSnapshots()) {
            throw new UnsupportedOperationException(type.name() + " declares no snapshot; add @Aggregate(snapshot = ...)");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("A snapshot follows an event, so its revision is 0 or more, was " + revision);
        }
        return new AggregateFixture<>(type, registry, List.of(), snapshot, revision);
    }

    /**
     * Rebuilds the aggregate from the given events and runs {@code command} on it.
     *
     * @throws AssertionError if a given event cannot be applied (or, with a registry, encoded and decoded)
     */
    public Outcome<A, E> when(Command<A> command) {
        Objects.requireNonNull(command, "command");
        A aggregate = aggregateFromGiven();
        try {
            command.execute(aggregate);
        } catch (Exception e) {
            return new Outcome<>(type, aggregate, aggregate.uncommittedEvents(), e);
        }
        return succeeded(aggregate);
    }

    /**
     * Runs a command that creates the aggregate, such as a static factory. There must be no given events:
     * creation starts from nothing.
     */
    public Outcome<A, E> whenCreated(Creation<A> creation) {
        Objects.requireNonNull(creation, "creation");
        if (!given.isEmpty() || snapshot != null) {
            throw new IllegalStateException("whenCreated(...) starts from nothing, but "
                    + (snapshot != null ? "a snapshot is" : given.size() + " events are") + " given; use when(...) to run a command on an existing " + type.name());
        }
        A aggregate;
        try {
            aggregate = creation.create();
        } catch (Exception e) {
            return new Outcome<>(type, null, List.of(), e);
        }
        if (aggregate == null) {
            throw new AssertionError("The creation command of " + type.name() + " returned null");
        }
        return succeeded(aggregate);
    }

    /** The aggregate rebuilt from the given events, without running a command. */
    public A givenAggregate() {
        return aggregateFromGiven();
    }

    private Outcome<A, E> succeeded(A aggregate) {
        List<E> recorded = aggregate.uncommittedEvents();
        if (registry != null) {
            for (int i = 0; i < recorded.size(); i++) {
                roundTrip("Recorded event #" + (i + 1), recorded.get(i), i);
            }
        }
        return new Outcome<>(type, aggregate, recorded, null);
    }

    private A aggregateFromGiven() {
        A aggregate = snapshot == null ? type.newInstance() : SnapshotAssertions.restored(type, snapshot);
        long first = snapshotRevision + 1;
        for (int i = 0; i < given.size(); i++) {
            E event = given.get(i);
            String label = "Given event #" + (i + 1);
            try {
                if (registry == null) {
                    type.apply(aggregate, event);
                } else {
                    type.replay(aggregate, roundTrip(label, event, first + i), registry);
                }
            } catch (RuntimeException e) {
                throw new AssertionError(label + " " + event + " could not be applied to " + type.name() + ": " + e, e);
            }
        }
        aggregate.replayedTo(first + given.size() - 1L);
        return aggregate;
    }

    /** Encodes {@code event} as a store would hold it, checks it decodes to an equal record, and returns it. */
    private StoredEvent roundTrip(String label, E event, long revision) {
        StoredEvent stored;
        Object decoded;
        try {
            NewEvent encoded = registry.encode(new UUID(0, revision + 1), GIVEN_AT, event, Metadata.empty());
            stored = new StoredEvent(encoded.eventId(), type.streamId("fixture"), revision, revision + 1, encoded.type(),
                    encoded.schemaVersion(), encoded.occurredAt(), encoded.metadata(), encoded.payload());
            decoded = registry.decode(stored);
        } catch (RuntimeException e) {
            throw new AssertionError(label + " " + event + " does not survive its codec: " + e, e);
        }
        if (!event.equals(decoded)) {
            throw new AssertionError(label + " does not survive its codec:\n  event:        " + event
                    + "\n  written as:   " + new String(stored.payload(), StandardCharsets.UTF_8)
                    + "\n  read back as: " + decoded);
        }
        return stored;
    }

    /** A command on an existing aggregate; may throw to reject it. */
    @FunctionalInterface
    public interface Command<A> {
        void execute(A aggregate) throws Exception;
    }

    /** A command that creates an aggregate, such as {@code () -> Order.place("42", "Alice")}. */
    @FunctionalInterface
    public interface Creation<A> {
        A create() throws Exception;
    }
}
