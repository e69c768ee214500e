package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.store.Metadata;
import io.factum.sample.OrderPlaced;
import io.factum.store.ExpectedRevision;
import io.factum.store.SliceRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Partitioned mode with real threads on a real database: instances share the slices fairly,
 * take over the share of one that leaves, deliver each event once and each stream in order, and
 * refuse a second instance with another slice count or mode. Run on SQLite and PostgreSQL.
 */
public abstract class PartitionedBehaviour extends LeaseTestSupport {

    static final int SLICES = 16;
    static final int STREAMS = 50;
    /** Long enough that a loaded machine renews in time: these tests expect no lease to be lost. */
    static final Duration LEASE = Duration.ofSeconds(3);

    /** Per instance, the (stream, revision) pairs it handled, in order. */
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();

    private Subscription partitioned(String id) {
        List<String> log = logs.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()));
        EnvelopeHandler record = recording(id);
        return instance(id, event -> {
            record.handle(event);
            log.add(event.streamId() + " " + event.streamRevision());
        }).mode(SubscriptionMode.partitioned(SLICES)).leaseDuration(LEASE).batchSize(20).build();
    }

    /**
     * Appends {@code count} events ({@value #STREAMS} streams, the same number each, two per append)
     * from ten threads, so that group commit batches them.
     */
    private void appendToStreams(int count) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                for (int i = writer; i < count / 2; i += 10) {
                    String stream = "Order-" + (i % STREAMS);
                    store.append(stream, ExpectedRevision.any(), List.of(
                            registry.encode(new OrderPlaced(stream, "c"), Metadata.empty()),
                            registry.encode(new OrderPlaced(stream, "d"), Metadata.empty())));
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void assertEachEventOnceAndEachStreamInOrder(int events) {
        assertThat(handledBy).hasSize(events).allSatisfy((position, by) -> assertThat(by).as("position %d", position).hasSize(1));
        logs.forEach((instance, log) -> assertStreamsInOrder(instance, log));
    }

    static void assertStreamsInOrder(String instance, List<String> log) {
        Map<String, Long> last = new java.util.HashMap<>();
        synchronized (log) {
            for (String entry : log) {
                String[] parts = entry.split(" ");
                long revision = Long.parseLong(parts[1]);
                Long before = last.put(parts[0], revision);
                assertThat(revision).as("%s handled %s after revision %s", instance, entry, before)
                        .isGreaterThan(before == null ? -1 : before);
            }
        }
    }

    @Test
    void threeInstancesShareTheSlicesFairlyAndDeliverEachEventOnceWhileEventsArrive() throws Exception {
        Subscription a = start(partitioned("a"));
        Subscription b = start(partitioned("b"));
        Subscription c = start(partitioned("c"));
        Thread writer = new Thread(() -> appendToStreams(600));
        writer.start();
        await(() -> FleetStatus.of(store, "fleet").slicesByOwner().values().stream().sorted().toList().equals(List.of(5, 5, 6)),
                "a fair share each: " + "5, 5 and 6 slices");
        writer.join();
        for (Subscription each : List.of(a, b, c)) {
            assertThat(each.awaitCaughtUp(Duration.ofSeconds(30)))
                    .as("%s: %s %s %s", each.instanceId(), each.status(), each.failure(), each.lastError()).isTrue();
            assertThat(each.isActive()).isTrue();
        }
        assertEachEventOnceAndEachStreamInOrder(600);
        FleetStatus status = FleetStatus.of(store, "fleet");
        assertThat(status.mode()).isEqualTo(SubscriptionMode.partitioned(SLICES));
        assertThat(status.lag()).isZero();
        assertThat(status.checkpoint()).isEqualTo(store.lastPosition());
        assertThat(status.owners()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(a.position()).isEqualTo(store.lastPosition());
    }

    @Test
    void aJoiningInstanceTakesItsShareAndALeavingOneHandsItsSlicesOverWithNothingRepeated() throws Exception {
        appendToStreams(200);
        Subscription a = start(partitioned("a"));
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(FleetStatus.of(store, "fleet").slicesByOwner()).isEqualTo(Map.of("a", SLICES));
        Subscription b = start(partitioned("b"));
        appendToStreams(200);
        await(() -> FleetStatus.of(store, "fleet").slicesByOwner().equals(Map.of("a", 8, "b", 8)), "8 slices each");
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        a.stop();
        appendToStreams(200);
        await(() -> FleetStatus.of(store, "fleet").slicesByOwner().equals(Map.of("b", SLICES)), "b holds every slice");
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertEachEventOnceAndEachStreamInOrder(600);
        assertThat(logs.get("b")).as("b delivers all that came after a stopped").hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void anInstanceWithAnotherSliceCountOrModeFailsToStartNamingTheDifference() throws InterruptedException {
        Subscription a = start(partitioned("a"));
        await(a::isActive, "a holds slices");
        Subscription other = instance("x", recording("x")).mode(SubscriptionMode.partitioned(8)).build();
        assertThatThrownBy(other::start).isInstanceOf(SubscriptionModeMismatchException.class)
                .hasMessageContaining("partitioned into 16 slices").hasMessageContaining("partitioned into 8 slices");
        Subscription exclusive = instance("y", recording("y")).build();
        assertThatThrownBy(exclusive::start).isInstanceOf(SubscriptionModeMismatchException.class)
                .hasMessageContaining("partitioned into 16 slices").hasMessageContaining("exclusive");
        assertThatThrownBy(() -> instance("z", recording("z")).handler(recording("z"), new InMemoryCheckpointStore())
                .mode(SubscriptionMode.partitioned(SLICES)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new JdbcCheckpointStore(store)");
        assertThatThrownBy(() -> partitioned("by-hand").pollOnce()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is partitioned").hasMessageContaining("call start()");
        assertThatThrownBy(() -> SubscriptionMode.partitioned(SliceRange.MAX_SLICES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4097");
    }

    @Test
    void resetIsRefusedWhileAnInstanceRunsAndStartsEverySliceOverOnceAllStopped() throws InterruptedException {
        appendToStreams(60);
        Subscription a = start(partitioned("a"));
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        Subscription idle = partitioned("idle");
        assertThatThrownBy(idle::reset).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs in instance a").hasMessageContaining("stop every instance");
        a.stop();
        idle.reset();
        assertThat(FleetStatus.of(store, "fleet").checkpoint()).isZero();
        assertThat(FleetStatus.of(store, "fleet").lag()).isEqualTo(60);
        Subscription again = start(partitioned("again"));
        assertThat(again.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(handledBy).hasSize(60).allSatisfy((position, by) -> assertThat(by).containsExactly("a", "again"));
    }

    @Test
    void aHandlerPausedPastItsLeaseLosesItsSlicesAndItsCheckpointIsRefused() throws InterruptedException {
        appendToStreams(40);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        Subscription slow = start(instance("slow", event -> {
            recording("slow").handle(event);
            if (paused.getCount() > 0) {
                paused.countDown();
                resume.await();
            }
        }).mode(SubscriptionMode.partitioned(SLICES)).batchSize(5).build());
        paused.await();
        Subscription other = start(partitioned("other"));
        await(() -> FleetStatus.of(store, "fleet").slicesByOwner().equals(Map.of("other", SLICES)),
                "other took every slice of the paused instance");
        assertThat(other.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        resume.countDown();
        await(() -> slow.lastError() instanceof LeaseLostException, "the paused instance's save is refused");
        assertThat(slow.lastError()).hasMessageContaining("instance slow no longer holds its lease");
        appendToStreams(10);
        assertThat(other.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        // Only the event the paused handler was in is handled twice: its batch's checkpoint never committed.
        assertThat(handledBy).hasSize(50);
        assertThat(handledBy.values().stream().filter(by -> by.size() > 1).toList()).hasSize(1)
                .allSatisfy(by -> assertThat(by).containsExactly("slow", "other"));
    }
    /** Per position, the instances of the child JVMs that handled it; and per instance its log, as {@code stream revision}. */
    private static Map<Long, List<String>> handledByChildren(Map<String, ChildProcess> children, Map<String, List<String>> logs) {
        Map<Long, List<String>> by = new java.util.TreeMap<>();
        children.forEach((instance, child) -> {
            List<String> log = new ArrayList<>();
            for (String line : child.lines()) {
                if (line.startsWith("event ")) {
                    String[] parts = line.split(" ");
                    by.computeIfAbsent(Long.parseLong(parts[1]), p -> new ArrayList<>()).add(instance);
                    log.add(parts[2] + " " + parts[3]);
                }
            }
            logs.put(instance, log);
        });
        return by;
    }

    @Test
    void instancesOfAPartitionedProjectionApplyEachEventOnceWhileTheyJoinAndLeave() throws Exception {
        store.createSchema();
        String readModel = store.tables().prefix() + "applied";
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + readModel + " (position BIGINT PRIMARY KEY, times INT NOT NULL)");
        }
        try {
            JdbcProjection applyOnce = (event, connection) -> {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + readModel + " (position, times)"
                        + " VALUES (?, 1) ON CONFLICT (position) DO UPDATE SET times = " + readModel + ".times + 1")) {
                    upsert.setLong(1, event.globalPosition());
                    upsert.executeUpdate();
                }
            };
            java.util.function.Function<String, Subscription> projection = id -> Subscription.builder("fleet", store, registry)
                    .projection(applyOnce).instanceId(id).mode(SubscriptionMode.partitioned(SLICES)).leaseDuration(LEASE)
                    .pollInterval(Duration.ofMillis(50)).batchSize(20).build();
            Subscription a = start(projection.apply("a"));
            Subscription b = start(projection.apply("b"));
            Subscription c = start(projection.apply("c"));
            appendToStreams(400);
            b.stop();
            appendToStreams(200);
            Subscription d = start(projection.apply("d"));
            appendToStreams(200);
            for (Subscription instance : List.of(a, c, d)) {
                assertThat(instance.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            }

            Map<Long, Integer> applied = new HashMap<>();
            try (Connection connection = store.dataSource().getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT position, times FROM " + readModel);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    applied.put(row.getLong(1), row.getInt(2));
                }
            }
            assertThat(applied).hasSize(800)
                    .allSatisfy((position, times) -> assertThat(times).as("position %d", position).isEqualTo(1));
            assertThat(a.position()).isEqualTo(store.lastPosition());
            assertThat(FleetStatus.of(store, "fleet").lag()).isZero();
        } finally {
            try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + readModel);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    private ChildProcess partitionedChild(Map<String, ChildProcess> children, String instance) {
        List<String> arguments = new ArrayList<>(storeArguments());
        arguments.add(instance);
        arguments.add(String.valueOf(LEASE.toMillis()));
        ChildProcess child = new ChildProcess(PartitionedHandlerMain.class, arguments);
        children.put(instance, child);
        return child;
    }

    @Test
    void threeChildProcessesDeliverEachEventOnceAndAfterAKillDuplicatesOnlyPastTheSavedCheckpoint() throws Exception {
        store.createSchema();
        Map<String, ChildProcess> children = new java.util.LinkedHashMap<>();
        try {
            for (String instance : List.of("c1", "c2", "c3")) {
                partitionedChild(children, instance);
            }
            for (ChildProcess child : children.values()) {
                await(() -> child.lines().contains("started"), "a child started: " + child.lines());
            }
            String name = PartitionedHandlerMain.NAME;
            await(() -> FleetStatus.of(store, name).slicesByOwner().size() == 3, "three owners");
            appendToStreams(2500);
            await(() -> handledByChildren(children, new java.util.HashMap<>()).size() == 2500, "the first 2,500 delivered");
            Map<String, List<String>> logs = new java.util.HashMap<>();
            assertThat(handledByChildren(children, logs)).as("without a kill: exactly once")
                    .allSatisfy((position, by) -> assertThat(by).as("position %d", position).hasSize(1));

            Thread writer = new Thread(() -> appendToStreams(2500));
            writer.start();
            int before = logs.get("c1").size();
            await(() -> handledByChildren(children, new java.util.HashMap<>()).values().stream()
                    .filter(by -> by.contains("c1")).count() >= before + 100, "c1 delivers after the first part");
            children.get("c1").kill();
            // The checkpoints c1 saved, per slice: nobody can claim its slices before its lease expires.
            Map<Integer, Long> savedByC1 = new java.util.HashMap<>();
            for (LeaseTable.Row row : new LeaseTable(store).list(name)) {
                if (row.slice() >= 0 && "c1".equals(row.owner())) {
                    savedByC1.put(row.slice(), row.checkpoint());
                }
            }
            assertThat(savedByC1).as("c1's slices at the kill").isNotEmpty();
            partitionedChild(children, "c4");
            writer.join();
            long head = store.lastPosition();
            await(() -> handledByChildren(children, new java.util.HashMap<>()).size() == 5000, "all 5,000 delivered");
            await(() -> FleetStatus.of(store, name).lag() == 0 && FleetStatus.of(store, name).checkpoint() >= head, "lag 0");

            logs.clear();
            Map<Long, List<String>> by = handledByChildren(children, logs);
            Map<Long, String> streams = new java.util.HashMap<>();
            store.readAll(0, 10_000).forEach(event -> streams.put(event.globalPosition(), event.streamId()));
            assertThat(by.keySet()).isEqualTo(streams.keySet());
            by.forEach((position, instances) -> {
                if (instances.size() > 1) {
                    int slice = SliceRange.sliceOf(streams.get(position), PartitionedHandlerMain.SLICES);
                    assertThat(instances).as("position %d", position).hasSize(2).contains("c1");
                    assertThat(position).as("a repeat of c1's slice %d", slice).isGreaterThan(savedByC1.get(slice));
                }
            });
            logs.forEach(PartitionedBehaviour::assertStreamsInOrder);
            assertThat(FleetStatus.of(store, name).owners()).containsExactlyInAnyOrder("c2", "c3", "c4");
        } finally {
            for (ChildProcess child : children.values()) {
                child.kill();
            }
        }
    }

    /**
     * The proof for projections: three child JVMs run one partitioned {@link JdbcProjection}
     * while the parent appends to {@value #STREAMS} streams; one is killed with SIGKILL mid-run and
     * another started. The read model commits with the fenced slice checkpoints, so every event is
     * applied exactly once (counted per event id), each stream in order, and the lag ends at 0.
     */
    @Test
    void childProcessesOfAPartitionedProjectionApplyEachEventExactlyOnceAcrossAKill() throws Exception {
        store.createSchema();
        String readModel = PartitionedProjectionMain.readModel(store.tables().prefix());
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + readModel + " (event_id VARCHAR(64) NOT NULL, position BIGINT NOT NULL,"
                    + " stream VARCHAR(100) NOT NULL, revision BIGINT NOT NULL, instance VARCHAR(20) NOT NULL, in_order INT NOT NULL)");
        }
        Map<String, ChildProcess> children = new java.util.LinkedHashMap<>();
        String name = PartitionedProjectionMain.NAME;
        try {
            for (String instance : List.of("c1", "c2", "c3")) {
                projectionChild(children, instance);
            }
            for (ChildProcess child : children.values()) {
                await(() -> child.lines().contains("started"), "a child started: " + child.lines());
            }
            await(() -> FleetStatus.of(store, name).slicesByOwner().size() == 3, "three owners");
            Thread writer = new Thread(() -> appendToStreams(1500));
            writer.start();
            await(() -> count(readModel, " WHERE instance = 'c1'") >= 100, "c1 applies events");
            children.get("c1").kill();
            projectionChild(children, "c4");
            writer.join();
            appendToStreams(500);
            long head = store.lastPosition();
            await(() -> FleetStatus.of(store, name).lag() == 0 && FleetStatus.of(store, name).checkpoint() >= head, "lag 0");

            Map<String, Integer> appliedPerEvent = new HashMap<>();
            List<String> outOfOrder = new ArrayList<>();
            try (Connection connection = store.dataSource().getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT event_id, stream, revision, in_order FROM " + readModel);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    appliedPerEvent.merge(row.getString(1), 1, Integer::sum);
                    if (row.getInt(4) != 1) {
                        outOfOrder.add(row.getString(2) + " " + row.getLong(3));
                    }
                }
            }
            java.util.Set<String> stored = new java.util.HashSet<>();
            store.readAll(0, 10_000).forEach(event -> stored.add(event.eventId().toString()));
            assertThat(stored).hasSize(2000);
            assertThat(appliedPerEvent.keySet()).isEqualTo(stored);
            assertThat(appliedPerEvent).allSatisfy((id, times) -> assertThat(times).as("event %s", id).isEqualTo(1));
            assertThat(outOfOrder).as("events applied after a later revision of their stream").isEmpty();
            assertThat(FleetStatus.of(store, name).owners()).containsExactlyInAnyOrder("c2", "c3", "c4");
        } finally {
            for (ChildProcess child : children.values()) {
                child.kill();
            }
            try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + readModel);
            }
        }
    }

    private long count(String table, String where) {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table + where);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void projectionChild(Map<String, ChildProcess> children, String instance) {
        List<String> arguments = new ArrayList<>(storeArguments());
        arguments.add(instance);
        arguments.add(String.valueOf(LEASE.toMillis()));
        children.put(instance, new ChildProcess(PartitionedProjectionMain.class, arguments));
    }
}
