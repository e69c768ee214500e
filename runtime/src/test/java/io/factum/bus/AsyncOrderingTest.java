package io.factum.bus;

import static io.factum.bus.TestEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.bus.Waiting.Recorder;
import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AsyncOrderingTest {

    @Test
    void eachSubscriberReceivesEventsInPublishOrder() {
        AsyncEventBus bus = AsyncEventBus.builder().queueCapacity(16).build();
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            bus.subscribe("recorder-" + i, OrderPlaced.class, recorder);
        }

        for (int i = 0; i < 5_000; i++) {
            bus.publish(placed(i));
        }
        ShutdownReport report = bus.close(Waiting.PATIENCE);

        assertThat(report.isComplete()).as(report.toString()).isTrue();
        for (Recorder recorder : recorders) {
            assertThat(recorder.received()).isEqualTo(Waiting.sequence(5_000));
        }
    }

    /**
     * 8 publishing threads × 10,000 events × 4 subscribers, through small queues so publishers
     * block often: every subscriber gets exactly 80,000 events, each publisher's in its order, and
     * no subscriber is ever called by two threads at once.
     */
    @Test
    void manyPublishersAndManySubscribersDeliverExactCountsInPerPublisherOrder() throws Exception {
        int publishers = 8;
        int eventsEach = 10_000;
        AsyncEventBus bus = AsyncEventBus.builder().queueCapacity(256).blockWhenFull(Duration.ofSeconds(60)).build();
        List<CheckingSubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CheckingSubscriber subscriber = new CheckingSubscriber(publishers);
            subscribers.add(subscriber);
            bus.subscribe("checker-" + i, OrderPlaced.class, subscriber);
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> publishFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < eventsEach; i++) {
                        bus.publish(placed(publisher, i));
                    }
                } catch (Throwable e) {
                    publishFailure.compareAndSet(null, e);
                }
            }, "publisher-" + p);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        ShutdownReport report = bus.close(Waiting.PATIENCE);

        assertThat(publishFailure.get()).isNull();
        assertThat(report.isComplete()).as(report.toString()).isTrue();
        for (CheckingSubscriber subscriber : subscribers) {
            assertThat(subscriber.count).isEqualTo(publishers * eventsEach);
            assertThat(subscriber.lastSequence).containsOnly(eventsEach - 1);
            assertThat(subscriber.violations).isEmpty();
        }
        assertThat(bus.metrics()).hasSize(4).allSatisfy(metrics -> {
            assertThat(metrics.delivered()).isEqualTo(publishers * eventsEach);
            assertThat(metrics.failedAttempts()).isZero();
            assertThat(metrics.queued()).isZero();
        });
    }

    /**
     * Checks order and exclusivity. Its plain fields are safe only because the bus never calls a
     * subscriber from two threads at once and hands its state from one drain to the next.
     */
    private static final class CheckingSubscriber implements EventHandler<OrderPlaced> {
        final int[] lastSequence;
        final List<String> violations = new ArrayList<>();
        final AtomicInteger inside = new AtomicInteger();
        int count;

        CheckingSubscriber(int publishers) {
            lastSequence = new int[publishers];
            Arrays.fill(lastSequence, -1);
        }

        @Override
        public void handle(EventEnvelope<OrderPlaced> envelope) {
            if (inside.incrementAndGet() != 1) {
                violations.add("called concurrently");
            }
            OrderPlaced event = envelope.payload();
            if (event.sequence() != lastSequence[event.publisher()] + 1) {
                violations.add("publisher " + event.publisher() + ": " + event.sequence() + " after "
                        + lastSequence[event.publisher()]);
            }
            lastSequence[event.publisher()] = event.sequence();
            count++;
            inside.decrementAndGet();
        }
    }

    @Test
    void differentSubscribersRunConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AsyncEventBus bus = AsyncEventBus.builder().executor(pool).retryPolicy(RetryPolicy.noRetry()).build();
            // Each waits for the other inside its handler: both can only succeed if they run at the same time.
            CyclicBarrier bothInside = new CyclicBarrier(2);
            EventHandler<OrderPlaced> meetTheOther = envelope -> bothInside.await(30, TimeUnit.SECONDS);
            bus.subscribe("left", OrderPlaced.class, meetTheOther);
            bus.subscribe("right", OrderPlaced.class, meetTheOther);

            bus.publish(placed(0));
            ShutdownReport report = bus.close(Waiting.PATIENCE);

            assertThat(report.isComplete()).isTrue();
            assertThat(bus.deadLetters().list()).isEmpty();
            assertThat(bus.metrics()).extracting(SubscriberMetrics::delivered).containsExactly(1L, 1L);
            assertThat(pool.isShutdown()).as("a supplied executor is left running").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBarrierCheckAboveFailsWhenSubscribersCannotRunConcurrently() throws Exception {
        // The same two subscribers on a one-thread pool: the barrier times out, proving the check can fail.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AsyncEventBus bus = AsyncEventBus.builder().executor(pool).retryPolicy(RetryPolicy.noRetry()).build();
            CyclicBarrier bothInside = new CyclicBarrier(2);
            EventHandler<OrderPlaced> meetTheOther = envelope -> bothInside.await(50, TimeUnit.MILLISECONDS);
            bus.subscribe("left", OrderPlaced.class, meetTheOther);
            bus.subscribe("right", OrderPlaced.class, meetTheOther);

            bus.publish(placed(0));
            bus.close(Waiting.PATIENCE);

            assertThat(bus.deadLetters().list())
                    .extracting(letter -> letter.lastError().getClass().getName())
                    .containsExactlyInAnyOrder(TimeoutException.class.getName(), BrokenBarrierException.class.getName());
        } finally {
            pool.shutdownNow();
        }
    }
}
