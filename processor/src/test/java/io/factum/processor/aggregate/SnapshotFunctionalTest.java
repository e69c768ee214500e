package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.LoadedAggregate;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.aggregate.SnapshotRejection;
import io.factum.event.EventTypeRegistry;
import io.factum.processor.Compilations;
import io.factum.store.EventStore;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.memory.InMemorySnapshotStore;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the snapshotting {@code Counter} and runs what was generated: the snapshot codec, taking and restoring,
 * and the fingerprint, which changes with the {@code @Apply} bodies and {@code snapshotVersion} but not with
 * formatting or comments. The proof that a snapshot is never restored by code it does not fit compiles the
 * aggregate twice, with one {@code @Apply} body changed, and runs both against one store.
 */
class SnapshotFunctionalTest {

    @TempDir
    Path classes;

    /** One compilation of the domain, loaded in a class loader of its own. */
    private final class Compiled implements AutoCloseable {
        final URLClassLoader loader;
        final AggregateType<AggregateRoot<Object>, Object> type;
        final EventTypeRegistry registry;

        @SuppressWarnings("unchecked")
        Compiled(String name, String addBody, int version) throws Exception {
            Compilation compilation = Compilations.compile(java.util.List.of(), SnapshotDomain.sources(addBody, version));
            assertThat(compilation).succeededWithoutWarnings();
            loader = Compilations.classLoader(compilation, classes.resolve(name));
            type = (AggregateType<AggregateRoot<Object>, Object>)
                    loader.loadClass("test.snap.CounterAggregateType").getField("INSTANCE").get(null);
            registry = EventTypeRegistry.load(loader);
            io.factum.aggregate.AggregateTypes.register(type);
        }

        AggregateRepository<AggregateRoot<Object>, Object> repository(EventStore store, InMemorySnapshotStore snapshots,
                                                                       SnapshotPolicy policy) {
            return new AggregateRepository<>(store, registry, type).withSnapshots(snapshots, policy);
        }

        void call(Object target, String method, Object... args) throws Exception {
            for (java.lang.reflect.Method m : target.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    m.invoke(target, args);
                    return;
                }
            }
            throw new AssertionError("no method " + method);
        }

        @Override
        public void close() throws Exception {
            loader.close();
        }
    }

    @Test
    void takesAndRestoresTheStateThroughTheGeneratedCodec() throws Exception {
        try (Compiled compiled = new Compiled("a", SnapshotDomain.ADD, 1)) {
            AggregateRoot<Object> counter = compiled.type.newInstance();
            compiled.call(counter, "open", "c-1", "ann");
            compiled.call(counter, "add", 70, "first");
            compiled.call(counter, "add", 40, "second");
            Object snapshot = compiled.type.snapshotOf(counter);
            byte[] json = compiled.type.encodeSnapshot(snapshot);

            assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"c-1\",\"owner\":\"ann\",\"total\":110,"
                    + "\"notes\":[{\"text\":\"first\",\"amount\":70},{\"text\":\"second\",\"amount\":40}],\"level\":\"HIGH\"}");
            Object decoded = compiled.type.decodeSnapshot(json);
            assertThat(decoded).isEqualTo(snapshot);
            AggregateRoot<Object> restored = compiled.type.restoreFrom(decoded);
            assertThat(restored).hasToString(counter.toString());
            assertThat(compiled.type.snapshotFingerprint()).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void theFingerprintFollowsApplyBodiesAndTheVersionButNotFormattingOrComments() throws Exception {
        String same;
        String reformatted;
        String changed;
        String bumped;
        try (Compiled a = new Compiled("a", SnapshotDomain.ADD, 1);
             Compiled again = new Compiled("again", SnapshotDomain.ADD, 1);
             Compiled formatted = new Compiled("formatted", "/* why */\n   " + SnapshotDomain.ADD.replace("; ", ";\n      "), 1);
             Compiled body = new Compiled("body", SnapshotDomain.ADD.replace("total += e.amount()", "total += 2 * e.amount()"), 1);
             Compiled version = new Compiled("version", SnapshotDomain.ADD, 2)) {
            same = again.type.snapshotFingerprint();
            reformatted = formatted.type.snapshotFingerprint();
            changed = body.type.snapshotFingerprint();
            bumped = version.type.snapshotFingerprint();
            assertThat(same).isEqualTo(a.type.snapshotFingerprint());
            assertThat(reformatted).isEqualTo(a.type.snapshotFingerprint());
            assertThat(changed).isNotEqualTo(a.type.snapshotFingerprint());
            assertThat(bumped).isNotEqualTo(a.type.snapshotFingerprint()).isNotEqualTo(changed);
        }
    }

    @Test
    void aSnapshotTakenByOneCompilationIsIgnoredByACompilationWhoseApplyBodyChanged() throws Exception {
        InMemoryEventStore store = new InMemoryEventStore();
        InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
        try (Compiled before = new Compiled("before", SnapshotDomain.ADD, 1);
             Compiled after = new Compiled("after", SnapshotDomain.ADD.replace("total += e.amount()", "total += 2 * e.amount()"), 1)) {
            var oldCode = before.repository(store, snapshots, SnapshotPolicy.everyEvents(3));
            AggregateRoot<Object> counter = before.type.newInstance();
            before.call(counter, "open", "c-1", "ann");
            before.call(counter, "add", 10, "a");
            before.call(counter, "add", 20, "b");
            oldCode.save(counter);
            assertThat(snapshots.latest("Counter-c-1")).hasValueSatisfying(s -> assertThat(s.streamRevision()).isEqualTo(2));
            LoadedAggregate<AggregateRoot<Object>> byOldCode = oldCode.findLoaded("c-1").orElseThrow();
            assertThat(byOldCode.snapshotRevision()).isEqualTo(2);
            assertThat(byOldCode.aggregate()).hasToString("c-1/ann/30/[Note[text=a, amount=10], Note[text=b, amount=20]]/LOW");

            var newCode = after.repository(store, snapshots, SnapshotPolicy.everyEvents(3));
            LoadedAggregate<AggregateRoot<Object>> byNewCode = newCode.findLoaded("c-1").orElseThrow();

            assertThat(byNewCode.fromSnapshot()).isFalse();
            assertThat(byNewCode.eventsReplayed()).isEqualTo(3);
            assertThat(byNewCode.aggregate()).hasToString("c-1/ann/60/[Note[text=a, amount=10], Note[text=b, amount=20]]/LOW");
            assertThat(newCode.snapshotStats().rejected(SnapshotRejection.WRONG_FINGERPRINT)).isEqualTo(1);
            // full replay, then a new snapshot by the new code, which the next load uses
            assertThat(snapshots.latest("Counter-c-1").orElseThrow().fingerprint()).isEqualTo(after.type.snapshotFingerprint());
            assertThat(newCode.findLoaded("c-1").orElseThrow().snapshotRevision()).isEqualTo(2);
            assertThat(oldCode.findLoaded("c-1").orElseThrow().fromSnapshot()).isFalse();
        }
    }

    /**
     * The property on the test aggregate (the example app's aggregates have theirs in SnapshotPropertyTest): for
     * 1,000 seeded random command sequences, after every command a load with snapshots equals a load without, on
     * every field and on what the next command does.
     */
    @Test
    void loadsTheSameWithAndWithoutSnapshotsForRandomSequences() throws Exception {
        java.util.Random random = new java.util.Random(20261203L);
        long fromSnapshot = 0;
        long loads = 0;
        try (Compiled compiled = new Compiled("property", SnapshotDomain.ADD, 1)) {
            for (int sequence = 0; sequence < 1_000; sequence++) {
                InMemoryEventStore store = new InMemoryEventStore();
                var plain = new AggregateRepository<>(store, compiled.registry, compiled.type);
                var snapshotting = plain.withSnapshots(new InMemorySnapshotStore(),
                        SnapshotPolicy.everyEvents(1 + random.nextInt(5)).orWhenLoadReplays(1 + random.nextInt(5)));
                AggregateRoot<Object> counter = compiled.type.newInstance();
                compiled.call(counter, "open", "c-" + sequence, "owner");
                snapshotting.save(counter);
                int length = 1 + random.nextInt(30);
                for (int step = 0; step < length; step++) {
                    LoadedAggregate<AggregateRoot<Object>> loaded = snapshotting.findLoaded("c-" + sequence).orElseThrow();
                    AggregateRoot<Object> replayed = plain.load("c-" + sequence);
                    String at = "sequence " + sequence + ", step " + step;
                    assertThat(fields(loaded.aggregate())).as(at).isEqualTo(fields(replayed));
                    loads++;
                    fromSnapshot += loaded.fromSnapshot() ? 1 : 0;
                    int amount = random.nextInt(80);
                    String note = "n" + random.nextInt(3);
                    Object outcome = outcome(compiled, loaded.aggregate(), amount, note);
                    assertThat(outcome).as(at).isEqualTo(outcome(compiled, replayed, amount, note));
                    if (outcome instanceof java.util.List<?>) {
                        snapshotting.save(loaded.aggregate());
                    }
                }
                assertThat(snapshotting.snapshotStats().rejected() + snapshotting.snapshotStats().failed()).isZero();
            }
        }
        assertThat(fromSnapshot).isGreaterThan(loads / 2);
    }

    private static Object outcome(Compiled compiled, AggregateRoot<Object> counter, int amount, String note) {
        try {
            compiled.call(counter, "add", amount, note);
            return counter.uncommittedEvents();
        } catch (java.lang.reflect.InvocationTargetException e) {
            return e.getCause().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every instance field of the aggregate and its base classes (test code: reflection is fine here). */
    private static java.util.Map<String, Object> fields(Object aggregate) throws IllegalAccessException {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        for (Class<?> c = aggregate.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && !field.getName().equals("type")) {
                    field.setAccessible(true);
                    state.put(c.getSimpleName() + "." + field.getName(), field.get(aggregate));
                }
            }
        }
        return state;
    }
}
