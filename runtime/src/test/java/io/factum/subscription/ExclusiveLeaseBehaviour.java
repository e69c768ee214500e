package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exclusive mode with real threads on a real database: one instance of a name delivers at a
 * time, a standby takes over when the owner stops or pauses past its lease, and a stale owner's
 * writes are refused by the fencing token. Run on SQLite and PostgreSQL.
 */
public abstract class ExclusiveLeaseBehaviour extends LeaseTestSupport {

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

    @Test
    void childProcessesKilledWithSigkillHandOverWithDuplicatesOnlyPastTheSavedCheckpoint() throws Exception {
        store.createSchema();
        append(300);
        List<ChildProcess> children = new ArrayList<>();
        try {
            ChildProcess first = child(children, "c1");
            await(() -> first.handled().size() >= 1, "c1 delivers");
            ChildProcess second = child(children, "c2");
            await(() -> second.lines().contains("started"), "c2 started: " + second.lines());
            await(() -> first.handled().size() >= 120, "c1 delivered 120 events");
            assertThat(second.handled()).as("the standby while the owner lives").isEmpty();
            first.kill();
            List<Long> byFirst = first.handled();

            await(() -> second.handled().contains(store.lastPosition()), () -> "c2 took over and caught up to " + store.lastPosition() + ": " + second.describe());
            ChildProcess third = child(children, "c3");
            await(() -> third.lines().contains("started"), "c3 started: " + third.lines());
            append(40);
            await(() -> second.handled().contains(store.lastPosition()), () -> "c2 delivers what comes next: " + second.describe());
            assertThat(third.handled()).as("the new standby while c2 lives").isEmpty();

            List<Long> bySecond = second.handled();
            assertThat(byFirst).doesNotHaveDuplicates();
            assertThat(bySecond).doesNotHaveDuplicates().isSorted();
            List<Long> all = new ArrayList<>();
            store.readAll(0, 1000).forEach(event -> all.add(event.globalPosition()));
            java.util.TreeSet<Long> union = new java.util.TreeSet<>(byFirst);
            union.addAll(bySecond);
            assertThat(new ArrayList<>(union)).isEqualTo(all);
            // c2 began after the checkpoint c1 had saved: only what c1 handled after its last save repeats.
            List<Long> twice = new ArrayList<>(byFirst);
            twice.retainAll(bySecond);
            assertThat(twice.size()).as("handled by both: %s", twice).isLessThanOrEqualTo(FleetHandlerMain.BATCH_SIZE);
            long takeover = bySecond.get(0);
            assertThat(twice).allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(takeover));
        } finally {
            for (ChildProcess child : children) {
                child.kill();
            }
        }
    }

    @Test
    void theFleetStatusShowsModeOwnerLeaseCheckpointAndLagAndResetIsRefusedWhileAnInstanceRuns() throws InterruptedException {
        append(7);
        Subscription a = start(instance("a", recording("a")).build());
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        append(2);
        Subscription idle = instance("b", recording("b")).build();

        FleetStatus running = FleetStatus.of(store, "fleet");
        assertThat(running.mode()).isEqualTo(SubscriptionMode.exclusive());
        assertThat(running.owners()).containsExactly("a");
        assertThat(running.leases()).singleElement().satisfies(lease -> {
            assertThat(lease.slices()).isEqualTo(new io.factum.store.SliceRange(0, 0, 1));
            assertThat(lease.live()).isTrue();
            assertThat(lease.token()).isPositive();
        });
        assertThat(running.checkpoint()).isGreaterThanOrEqualTo(7);
        assertThat(running.lag()).isEqualTo(store.lastPosition() - running.checkpoint());
        assertThat(FleetStatus.names(store)).containsExactly("fleet");
        assertThatThrownBy(idle::reset).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs in instance a").hasMessageContaining("stop every instance before reset()");

        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        a.stop();
        FleetStatus stopped = FleetStatus.of(store, "fleet");
        assertThat(stopped.owners()).isEmpty();
        assertThat(stopped.lag()).isZero();
        idle.reset();
        assertThat(FleetStatus.of(store, "fleet").lag()).isEqualTo(9);
    }
}
