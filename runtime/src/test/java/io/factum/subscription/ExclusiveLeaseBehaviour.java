package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.event.Metadata;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exclusive mode with real threads on a real database: one instance of a name delivers at a
 * time, a standby takes over when the owner stops or pauses past its lease, and a stale owner's
 * writes are refused by the fencing token. Run on SQLite and PostgreSQL.
 */
public abstract class ExclusiveLeaseBehaviour {

    protected final EventTypeRegistry registry = Samples.registry();
    protected JdbcEventStore store;
    private final List<Subscription> started = new ArrayList<>();
    private final List<CountDownLatch> latches = new ArrayList<>();
    /** Position → the instances that handled it, in order. */
    protected final Map<Long, List<String>> handledBy = new ConcurrentHashMap<>();

    protected abstract JdbcEventStore newStore();

    protected abstract void dropTables(JdbcEventStore store);

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    /** Counted down before the subscriptions are closed, so that a handler blocked on it lets its thread end. */
    protected void releaseOnClose(CountDownLatch latch) {
        latches.add(latch);
    }

    @AfterEach
    void closeAll() {
        latches.forEach(CountDownLatch::countDown);
        started.forEach(Subscription::close);
        dropTables(store);
    }

    protected void append(int count) {
        for (int i = 0; i < count; i++) {
            String id = "Order-" + store.lastPosition() + "-" + i;
            store.append(id, ExpectedRevision.noStream(), List.of(registry.encode(new OrderPlaced(id, "c"), Metadata.empty())));
        }
    }

    protected Subscription.Builder instance(String id, EnvelopeHandler handler) {
        return Subscription.builder("fleet", store, registry)
                .handler(handler, new JdbcCheckpointStore(store))
                .instanceId(id)
                .leaseDuration(Duration.ofMillis(400))
                .pollInterval(Duration.ofMillis(50))
                .checkpointInterval(Duration.ZERO)
                .batchSize(5);
    }

    protected EnvelopeHandler recording(String id) {
        return event -> handledBy.computeIfAbsent(event.globalPosition(), p -> Collections.synchronizedList(new ArrayList<>()))
                .add(id);
    }

    protected Subscription start(Subscription subscription) {
        started.add(subscription);
        subscription.start();
        return subscription;
    }

    protected static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void oneInstanceDeliversEachEventOnceAndAStandbyTakesOverWhenItStops() throws InterruptedException {
        append(12);
        Subscription a = start(instance("a", recording("a")).build());
        await(a::isActive, "a holds the lease");
        Subscription b = start(instance("b", recording("b")).build());
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).as("a standby is caught up once the fleet is").isTrue();
        assertThat(b.isActive()).isFalse();
        assertThat(b.mode()).isEqualTo(SubscriptionMode.exclusive());
        append(8);
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(handledBy).hasSize(20).allSatisfy((position, by) -> assertThat(by).containsExactly("a"));

        a.stop();
        append(6);
        await(b::isActive, "b took over");
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(handledBy).hasSize(26).allSatisfy((position, by) -> assertThat(by).hasSize(1));
        assertThat(handledBy.values().stream().filter(by -> by.get(0).equals("b")).count()).isEqualTo(6);
        assertThat(new JdbcCheckpointStore(store).load("fleet")).isEqualTo(store.lastPosition());
    }

    @Test
    void anInstanceWithoutALeaseForANameAFleetRunsFailsToStartNamingTheDifference() throws InterruptedException {
        Subscription a = start(instance("a", recording("a")).build());
        await(a::isActive, "a holds the lease");
        Subscription single = instance("s", recording("s")).mode(SubscriptionMode.singleProcess()).build();
        assertThatThrownBy(single::start)
                .isInstanceOf(SubscriptionModeMismatchException.class)
                .hasMessageContaining("'fleet' runs exclusive")
                .hasMessageContaining(store.tables().leases())
                .hasMessageContaining("configured single-process");
        assertThat(single.status()).isEqualTo(Subscription.Status.NEW);
    }

    @Test
    void aHandlerPausedPastItsLeaseStopsDeliveringAndItsCheckpointIsRefused() throws InterruptedException {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        EnvelopeHandler pausing = event -> {
            recording("a").handle(event);
            if (paused.getCount() > 0) {
                paused.countDown();
                resume.await();
            }
        };
        Subscription a = start(instance("a", pausing).build());
        await(a::isActive, "a holds the lease");
        Subscription b = start(instance("b", recording("b")).build());
        append(10);
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        await(b::isActive, "b took over the lease of the paused a");
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        resume.countDown();
        await(() -> a.lastError() instanceof LeaseLostException, "a finds out");
        assertThat(a.isActive()).isFalse();
        append(3);
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        // The event a was handling when it paused went to b as well (at-least-once, past the saved
        // checkpoint); a delivered nothing after the pause.
        long first = store.readAll(0, 1).get(0).globalPosition();
        assertThat(handledBy.get(first)).containsExactly("a", "b");
        assertThat(handledBy).hasSize(13).allSatisfy((position, by) -> {
            if (position != first) {
                assertThat(by).containsExactly("b");
            }
        });
        assertThat(new JdbcCheckpointStore(store).load("fleet")).isEqualTo(store.lastPosition());
    }
}
