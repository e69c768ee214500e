package io.factum.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.LoadedAggregate;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.memory.InMemorySnapshotStore;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The property behind snapshots, for one aggregate type: for random command sequences (seeded), after every
 * command a load with snapshots equals a load without, on the aggregate's full state and on what the next command
 * does (its events, or its error).
 *
 * @param <A> the aggregate
 * @param <E> its events
 */
final class SnapshotEquivalence<A extends AggregateRoot<E>, E> {

    /** One random command: a name for failure messages and what it does. */
    record Command<A>(String name, Consumer<A> action) {}

    private final AggregateType<A, E> type;
    private final EventTypeRegistry registry;
    private final Function<Random, A> create;
    private final Function<Random, Command<A>> commands;
    private long loadsFromSnapshot;
    private long loads;

    SnapshotEquivalence(AggregateType<A, E> type, EventTypeRegistry registry, Function<Random, A> create,
                        Function<Random, Command<A>> commands) {
        this.type = type;
        this.registry = registry;
        this.create = create;
        this.commands = commands;
    }

    /** Runs {@code sequences} random sequences of up to {@code maxLength} commands from {@code seed}. */
    SnapshotEquivalence<A, E> run(long seed, int sequences, int maxLength) {
        Random random = new Random(seed);
        for (int sequence = 0; sequence < sequences; sequence++) {
            runOne(random, "seed " + seed + ", sequence " + sequence, 1 + random.nextInt(maxLength));
        }
        return this;
    }

    /** How many loads started from a snapshot: the property is not vacuous. */
    long loadsFromSnapshot() {
        return loadsFromSnapshot;
    }

    long loads() {
        return loads;
    }

    private static SnapshotPolicy randomPolicy(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> SnapshotPolicy.everyEvents(1 + random.nextInt(6));
            case 1 -> SnapshotPolicy.whenLoadReplays(1 + random.nextInt(4));
            default -> SnapshotPolicy.everyEvents(2 + random.nextInt(5)).orWhenLoadReplays(1 + random.nextInt(3));
        };
    }

    private void runOne(Random random, String where, int length) {
        InMemoryEventStore store = new InMemoryEventStore();
        AggregateRepository<A, E> plain = new AggregateRepository<>(store, registry, type);
        AggregateRepository<A, E> snapshotting = plain.withSnapshots(new InMemorySnapshotStore(), randomPolicy(random));
        A created = create.apply(random);
        String id = created.id();
        snapshotting.save(created);
        for (int step = 0; step < length; step++) {
            LoadedAggregate<A> withSnapshots = snapshotting.findLoaded(id).orElseThrow();
            A replayed = plain.find(id).orElseThrow();
            String at = where + ", after " + step + " commands";
            loads++;
            if (withSnapshots.fromSnapshot()) {
                loadsFromSnapshot++;
            }
            assertThat(FullState.of(withSnapshots.aggregate())).as("state, %s", at).isEqualTo(FullState.of(replayed));

            Command<A> command = commands.apply(random);
            Object outcome = outcome(command, withSnapshots.aggregate());
            assertThat(outcome).as("%s after %s", command.name(), at).isEqualTo(outcome(command, replayed));
            if (outcome instanceof List<?>) {
                snapshotting.save(withSnapshots.aggregate());
            }
        }
        assertThat(snapshotting.snapshotStats().rejected()).as("rejected snapshots, %s", where).isZero();
        assertThat(snapshotting.snapshotStats().failed()).as("failed snapshots, %s", where).isZero();
    }

    /** The events the command recorded (without times), or its error's class and message. */
    private Object outcome(Command<A> command, A aggregate) {
        try {
            command.action().accept(aggregate);
            return FullState.withoutTimes(aggregate.uncommittedEvents());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
