package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.Metadata;
import io.factum.sample.OrderPlaced;
import io.factum.store.ExpectedRevision;
import io.factum.store.SliceRange;
import java.time.Duration;
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
}
