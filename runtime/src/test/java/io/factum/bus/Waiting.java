package io.factum.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting helpers for tests with real threads. The patience only guards against hangs: no test
 * asserts how long anything took.
 */
final class Waiting {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Waiting() {}

    static void await(CountDownLatch latch, String what) {
        try {
            assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("waited for " + what).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited for " + what).isNegative();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void idle(AsyncEventBus bus) throws InterruptedException {
        assertThat(bus.awaitIdle(PATIENCE)).as("bus went idle").isTrue();
    }

    /** Waits until {@code thread} is parked (blocked on a full queue, say). */
    static void blocked(Thread thread) {
        until(thread.getName() + " blocks", () -> thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING);
    }

    /** Records the sequence numbers it receives, in order. */
    static class Recorder implements EventHandler<OrderPlaced> {
        final List<Integer> received = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(EventEnvelope<OrderPlaced> envelope) throws Exception {
            received.add(envelope.payload().sequence());
        }

        List<Integer> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }

    /** A recorder whose first call blocks until {@link #release()}: a stuck subscriber. */
    static final class StuckRecorder extends Recorder {
        final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void handle(EventEnvelope<OrderPlaced> envelope) throws Exception {
            started.countDown();
            gate.await();
            super.handle(envelope);
        }

        void awaitStarted() {
            await(started, "the stuck subscriber to start");
        }

        void release() {
            gate.countDown();
        }
    }

    static List<Integer> sequence(int count) {
        List<Integer> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    static List<Integer> sequence(int from, int toExclusive) {
        return sequence(toExclusive).subList(from, toExclusive);
    }
}
