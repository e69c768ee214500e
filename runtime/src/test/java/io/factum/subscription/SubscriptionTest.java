package io.factum.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.sample.ItemAdded;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Catch-up subscriptions on the in-memory store: delivery, checkpoints, failures, the running thread. */
class SubscriptionTest {

    private final EventTypeRegistry registry = Samples.registry();
    private final EventStore store = new InMemoryEventStore();
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final List<EventEnvelope<Object>> delivered = Collections.synchronizedList(new ArrayList<>());

    private void appendItems(String orderId, int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(registry.encode(new ItemAdded(orderId, "sku-" + i, i + 1), Metadata.empty()));
        }
        store.append(orderId, ExpectedRevision.any(), events);
    }

    private Subscription.Builder subscription(EnvelopeHandler handler) {
        return Subscription.builder("test", store, registry).handler(handler, checkpoints);
    }

    /** Every position saved into {@link #checkpoints} through {@link #timed}, in order. */
    private final List<Long> saved = Collections.synchronizedList(new ArrayList<>());
    private final CheckpointStore recording = new CheckpointStore() {
        @Override
        public long load(String subscription) {
            return checkpoints.load(subscription);
        }

        @Override
        public void save(String subscription, long position) {
            saved.add(position);
            checkpoints.save(subscription, position);
        }
    };
    /** The clock the checkpoint interval is measured on: it stands still unless a test moves it. */
    private final AtomicLong nanos = new AtomicLong();

    /** A subscription that records its saves in {@link #saved} and measures time on {@link #nanos}. */
    private Subscription.Builder timed(EnvelopeHandler handler) {
        return Subscription.builder("test", store, registry).handler(handler, recording).nanoTime(nanos::get);
    }

    private static List<Long> positions(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private List<Long> deliveredPositions() {
        return delivered.stream().map(EventEnvelope::globalPosition).toList();
    }

    private List<Long> storedPositions() {
        return store.readAll(0, 10_000).stream().map(StoredEvent::globalPosition).toList();
    }

    @Test
    void deliversEveryEventDecodedInOrderInBatchesAndWithIntervalZeroSavesTheCheckpointPerBatch() {
        appendItems("Order-1", 15);
        appendItems("Order-2", 10);
        Subscription subscription = timed(delivered::add).batchSize(10).checkpointInterval(Duration.ZERO).build();

        assertThat(subscription.pollOnce()).isEqualTo(10);
        assertThat(subscription.pollOnce()).isEqualTo(10);
        assertThat(subscription.pollOnce()).isEqualTo(5);
        assertThat(subscription.pollOnce()).isZero();

        assertThat(deliveredPositions()).containsExactlyElementsOf(storedPositions());
        assertThat(delivered.get(0).payload()).isEqualTo(new ItemAdded("Order-1", "sku-0", 1));
        assertThat(saved).containsExactly(10L, 20L, 25L);
        assertThat(checkpoints.load("test")).isEqualTo(25);
    }

    @Test
    void whileTheIntervalHasNotPassedTheCheckpointIsSavedOnlyOnceCaughtUp() {
        for (int i = 0; i < 10; i++) {
            appendItems("Order-" + i, 100);
        }
        Subscription subscription = timed(delivered::add).batchSize(10).build();

        assertThat(subscription.runUntilCaughtUp()).isEqualTo(1000);

        // 100 full batches, then an empty one: caught up, so the one save.
        assertThat(saved).containsExactly(1000L);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(1, 1000));

        appendItems("Order-x", 5);
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(5);
        assertThat(saved).containsExactly(1000L, 1005L);
        assertThat(subscription.runUntilCaughtUp()).isZero();
        assertThat(saved).as("nothing new handled, nothing saved").containsExactly(1000L, 1005L);
    }

    @Test
    void whileCatchingUpTheCheckpointIsSavedAfterTheFirstBatchThatEndsAnIntervalAfterTheLastSave() {
        for (int i = 0; i < 20; i++) {
            appendItems("Order-" + i, 100);
        }
        // Each batch of 10 takes 70 ms: 15 batches (1,050 ms) pass the 1 s interval.
        Subscription subscription = timed(event -> {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(7));
            delivered.add(event);
        }).batchSize(10).checkpointInterval(Duration.ofSeconds(1)).build();

        assertThat(subscription.runUntilCaughtUp()).isEqualTo(2000);

        List<Long> expected = new ArrayList<>(LongStream.rangeClosed(1, 13).map(batches -> batches * 150).boxed().toList());
        expected.add(2000L); // the rest, once caught up
        assertThat(saved).containsExactlyElementsOf(expected);
        assertThat(checkpoints.load("test")).isEqualTo(2000);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(1, 2000));
    }

    @Test
    void anIntervalTooLongToCountInNanosecondsMeansSavingOnlyWhenCaughtUp() {
        for (int i = 0; i < 3; i++) {
            appendItems("Order-" + i, 10);
        }
        Subscription subscription = timed(event -> {
            nanos.addAndGet(Duration.ofDays(1).toNanos());
            delivered.add(event);
        }).batchSize(10).checkpointInterval(ChronoUnit.FOREVER.getDuration()).build();

        assertThat(subscription.pollOnce()).isEqualTo(10);
        assertThat(subscription.pollOnce()).isEqualTo(10);
        assertThat(saved).isEmpty();
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(10);
        assertThat(saved).containsExactly(30L);
    }

    @Test
    void aCrashRepeatsExactlyTheEventsAfterTheLastSavedCheckpoint() {
        for (int i = 0; i < 10; i++) {
            appendItems("Order-" + i, 10);
        }
        Subscription crashing = timed(event -> {
            if (event.globalPosition() == 35) {
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            }
            delivered.add(event);
        }).batchSize(10).build();
        for (int batch = 1; batch <= 6; batch++) {
            assertThat(crashing.pollOnce()).isEqualTo(10);
        }
        assertThat(saved).as("saved once, after the batch in which the interval passed").containsExactly(40L);
        assertThat(crashing.position()).isEqualTo(60);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(1, 60));

        // The process dies: no stop(), no close(). A new one resumes from the saved checkpoint.
        delivered.clear();
        Subscription restarted = timed(delivered::add).batchSize(10).build();
        assertThat(restarted.position()).isEqualTo(40);
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(60);

        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(41, 100));
        assertThat(saved).containsExactly(40L, 100L);
    }

    @Test
    void closeSavesWhatPollsByHandLeftUnsaved() {
        appendItems("Order-1", 30);
        Subscription subscription = timed(delivered::add).batchSize(10).build();
        subscription.pollOnce();
        subscription.pollOnce();
        assertThat(saved).isEmpty();
        assertThat(subscription.position()).as("handled, not saved yet").isEqualTo(20);

        subscription.close();

        assertThat(saved).containsExactly(20L);
        subscription.close();
        assertThat(saved).as("nothing left to save").containsExactly(20L);
        delivered.clear();
        assertThat(timed(delivered::add).build().runUntilCaughtUp()).isEqualTo(10);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(21, 30));
    }

    @Test
    @Timeout(60)
    void stopSavesTheCheckpointOfTheLastEventHandledWhileCatchingUp() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            appendItems("Order-" + i, 100);
        }
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        Subscription subscription = timed(event -> {
            delivered.add(event);
            if (event.globalPosition() == 555) {
                reached.countDown();
                awaitUninterruptibly(stopping);
            }
        }).batchSize(10)
                // stop() closes the wake-up registration once it has told the thread to stop
                .wakeUpOn(wake -> stopping::countDown).build();
        subscription.start();
        assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();

        subscription.stop();

        assertThat(subscription.status()).isEqualTo(Subscription.Status.STOPPED);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(1, 560));
        assertThat(saved).as("nothing saved while catching up, then the batch it stopped after").containsExactly(560L);
        assertThat(checkpoints.load("test")).isEqualTo(560);

        delivered.clear();
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(440);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(561, 1000));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailureSavesTheEventsHandledInEarlierBatchesBeforeItEndsTheRun() {
        for (int i = 0; i < 5; i++) {
            appendItems("Order-" + i, 10);
        }
        boolean[] broken = {true};
        Subscription subscription = timed(event -> {
            if (broken[0] && event.globalPosition() == 31) {
                throw new IllegalStateException("down");
            }
            delivered.add(event);
        }).batchSize(10).retry(RetryPolicy.noRetry()).build();

        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, subscription::runUntilCaughtUp);

        assertThat(error.globalPosition()).isEqualTo(31);
        assertThat(saved).as("the three full batches before the failing one").containsExactly(30L);
        broken[0] = false;
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(20);
        assertThat(saved).containsExactly(30L, 50L);
        assertThat(deliveredPositions()).containsExactlyElementsOf(positions(1, 50));
    }

    @Test
    void aParkedEventIsCoveredByTheCheckpointAtOnceSoThatACrashNeitherDeliversNorParksItAgain() {
        appendItems("Order-1", 30);
        InMemoryParkedEvents parked = new InMemoryParkedEvents();
        AtomicInteger callsFor13 = new AtomicInteger();
        Subscription crashing = timed(event -> {
            if (event.globalPosition() == 13) {
                callsFor13.incrementAndGet();
                throw new IllegalArgumentException("no such sku");
            }
            delivered.add(event);
        }).batchSize(10).retry(RetryPolicy.noRetry()).onHandlerFailure(FailureAction.PARK).parkedEvents(parked).build();
        crashing.pollOnce();
        crashing.pollOnce();
        assertThat(saved).containsExactly(13L);

        // The process dies before the next save; the restarted one goes on after the parked event.
        Subscription restarted = timed(event -> {
            if (event.globalPosition() == 13) {
                callsFor13.incrementAndGet();
            }
            delivered.add(event);
        }).batchSize(10).parkedEvents(parked).build();
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(17);

        assertThat(callsFor13).hasValue(1);
        assertThat(restarted.parkedEvents()).extracting(ParkedEvent::globalPosition).containsExactly(13L);
        List<Long> expected = new ArrayList<>(positions(1, 12));
        expected.addAll(positions(14, 20));
        expected.addAll(positions(14, 30));
        assertThat(deliveredPositions()).containsExactlyElementsOf(expected);
    }

    @Test
    void aNewInstanceResumesAfterTheCheckpointAndResetStartsOver() {
        appendItems("Order-1", 5);
        subscription(delivered::add).build().runUntilCaughtUp();
        appendItems("Order-1", 3);
        delivered.clear();

        Subscription restarted = subscription(delivered::add).batchSize(2).build();
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(3);
        assertThat(deliveredPositions()).containsExactly(6L, 7L, 8L);

        delivered.clear();
        restarted.reset();
        assertThat(checkpoints.load("test")).isZero();
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(8);
        assertThat(deliveredPositions()).containsExactlyElementsOf(storedPositions());
    }

    @Test
    void aFailingHandlerIsRetriedAndSucceedsOnce() {
        appendItems("Order-1", 3);
        AtomicInteger calls = new AtomicInteger();
        Subscription subscription = subscription(event -> {
            if (event.globalPosition() == 2 && calls.incrementAndGet() < 3) {
                throw new IllegalStateException("flaky");
            }
            delivered.add(event);
        }).retry(RetryPolicy.attempts(3, Duration.ZERO)).build();

        subscription.runUntilCaughtUp();

        assertThat(calls).hasValue(3);
        assertThat(deliveredPositions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aHandlerThatKeepsFailingStopsTheSubscriptionBeforeTheEventWithAnErrorNamingIt() {
        appendItems("Order-1", 5);
        AtomicInteger attempts = new AtomicInteger();
        boolean[] broken = {true};
        Subscription subscription = subscription(event -> {
            if (broken[0] && event.streamRevision() == 2) {
                attempts.incrementAndGet();
                throw new IllegalStateException("read model unavailable");
            }
            delivered.add(event);
        }).retry(RetryPolicy.attempts(3, Duration.ZERO)).build();

        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, subscription::runUntilCaughtUp);

        assertThat(error.subscription()).isEqualTo("test");
        assertThat(error.globalPosition()).isEqualTo(3);
        assertThat(error.eventType()).isEqualTo("ItemAdded");
        assertThat(error.streamId()).isEqualTo("Order-1");
        assertThat(error.streamRevision()).isEqualTo(2);
        assertThat(error.attempts()).isEqualTo(3);
        assertThat(error).hasMessageContaining("'test'").hasMessageContaining("global position 3")
                .hasMessageContaining("ItemAdded").hasMessageContaining("read model unavailable")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(3);
        assertThat(deliveredPositions()).containsExactly(1L, 2L);
        assertThat(checkpoints.load("test")).isEqualTo(2);

        broken[0] = false;
        subscription.runUntilCaughtUp();
        assertThat(deliveredPositions()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aHandlerThatKeepsFailingParksTheEventWhenConfiguredAndItCanBeRetried() {
        appendItems("Order-1", 4);
        boolean[] broken = {true};
        InMemoryParkedEvents parked = new InMemoryParkedEvents();
        Subscription subscription = subscription(event -> {
            if (broken[0] && event.globalPosition() == 2) {
                throw new IllegalArgumentException("no such sku");
            }
            delivered.add(event);
        }).retry(RetryPolicy.attempts(2, Duration.ZERO)).onHandlerFailure(FailureAction.PARK).parkedEvents(parked).build();

        subscription.runUntilCaughtUp();

        assertThat(deliveredPositions()).containsExactly(1L, 3L, 4L);
        assertThat(checkpoints.load("test")).isEqualTo(4);
        assertThat(subscription.parkedEvents()).singleElement().satisfies(p -> {
            assertThat(p.subscription()).isEqualTo("test");
            assertThat(p.globalPosition()).isEqualTo(2);
            assertThat(p.streamId()).isEqualTo("Order-1");
            assertThat(p.streamRevision()).isEqualTo(1);
            assertThat(p.type()).isEqualTo("ItemAdded");
            assertThat(p.error()).contains("IllegalArgumentException").contains("no such sku");
        });

        assertThat(subscription.retryParked()).isZero();
        assertThat(subscription.parkedEvents()).hasSize(1);
        broken[0] = false;
        assertThat(subscription.retryParked()).isEqualTo(1);
        assertThat(subscription.parkedEvents()).isEmpty();
        assertThat(deliveredPositions()).containsExactly(1L, 3L, 4L, 2L);
    }

    private void appendUndecodable() {
        store.append("Order-1", ExpectedRevision.any(), List.of(
                registry.encode(new OrderPlaced("1", "bob"), Metadata.empty()),
                new NewEvent(UUID.randomUUID(), "OrderShipped", 1, Instant.now(), Metadata.empty(), "{}".getBytes(UTF_8)),
                new NewEvent(UUID.randomUUID(), "ItemAdded", 1, Instant.now(), Metadata.empty(), "{\"orderId\":".getBytes(UTF_8)),
                registry.encode(new ItemAdded("1", "sku", 1), Metadata.empty())));
    }

    @Test
    void anUndecodableEventStopsTheSubscriptionByDefault() {
        appendUndecodable();
        Subscription subscription = subscription(delivered::add).build();

        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, subscription::runUntilCaughtUp);

        assertThat(error.globalPosition()).isEqualTo(2);
        assertThat(error.eventType()).isEqualTo("OrderShipped");
        assertThat(error.attempts()).isZero();
        assertThat(error.getCause()).isInstanceOf(UnknownEventTypeException.class);
        assertThat(error).hasMessageContaining("cannot be decoded");
        assertThat(deliveredPositions()).containsExactly(1L);
        assertThat(checkpoints.load("test")).isEqualTo(1);
    }

    @Test
    void undecodableEventsAreParkedWhenConfigured() {
        appendUndecodable();
        Subscription subscription = subscription(delivered::add).onUndecodable(FailureAction.PARK).build();

        subscription.runUntilCaughtUp();

        assertThat(deliveredPositions()).containsExactly(1L, 4L);
        assertThat(subscription.parkedEvents()).extracting(ParkedEvent::globalPosition).containsExactly(2L, 3L);
        assertThat(subscription.parkedEvents().get(1).error()).contains(EventDecodingException.class.getName());
    }

    @Test
    @Timeout(60)
    void theRunningSubscriptionDeliversWhatIsAppendedAndStops() throws InterruptedException {
        Subscription subscription = subscription(delivered::add).batchSize(4).pollInterval(Duration.ofMillis(10)).build();
        assertThat(subscription.status()).isEqualTo(Subscription.Status.NEW);
        subscription.start();
        assertThat(subscription.status()).isEqualTo(Subscription.Status.RUNNING);

        for (int i = 0; i < 10; i++) {
            appendItems("Order-" + i, 3);
        }
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(deliveredPositions()).containsExactlyElementsOf(storedPositions());

        subscription.stop();
        assertThat(subscription.status()).isEqualTo(Subscription.Status.STOPPED);
        appendItems("Order-x", 1);
        assertThat(subscription.awaitCaughtUp(Duration.ofMillis(1))).isFalse();

        subscription.start();
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        subscription.close();
        assertThat(deliveredPositions()).containsExactlyElementsOf(storedPositions());
    }

    @Test
    @Timeout(60)
    void aRunningSubscriptionThatFailsReportsItsStatusAndError() throws InterruptedException {
        appendItems("Order-1", 3);
        Subscription subscription = subscription(event -> {
            if (event.globalPosition() == 3) {
                throw new IllegalStateException("boom");
            }
            delivered.add(event);
        }).retry(RetryPolicy.noRetry()).build();

        subscription.start();
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isFalse();

        assertThat(subscription.status()).isEqualTo(Subscription.Status.FAILED);
        assertThat(subscription.failure().globalPosition()).isEqualTo(3);
        assertThat(subscription.position()).isEqualTo(2);
        assertThat(deliveredPositions()).containsExactly(1L, 2L);
    }

    @Test
    @Timeout(60)
    void stopEndsARetryPauseAtOnceWithoutMovingPastTheEvent() throws InterruptedException {
        appendItems("Order-1", 2);
        CountDownLatch firstAttempt = new CountDownLatch(1);
        Subscription subscription = timed(event -> {
            if (event.globalPosition() == 2) {
                firstAttempt.countDown();
                throw new IllegalStateException("down");
            }
            delivered.add(event);
        }).batchSize(1).retry(RetryPolicy.attempts(10, Duration.ofHours(1))).build();

        subscription.start();
        assertThat(firstAttempt.await(30, TimeUnit.SECONDS)).isTrue();
        subscription.stop();

        assertThat(subscription.status()).isEqualTo(Subscription.Status.STOPPED);
        assertThat(subscription.failure()).isNull();
        assertThat(saved).as("the first batch, left unsaved while catching up, saved on the stop").containsExactly(1L);
        assertThat(checkpoints.load("test")).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aPollInterruptedWhileWaitingToRetryEndsBeforeTheEventWithATypedErrorAndTheInterruptFlagSet()
            throws InterruptedException {
        appendItems("Order-1", 3);
        AtomicBoolean broken = new AtomicBoolean(true);
        CountDownLatch firstAttempt = new CountDownLatch(1);
        Subscription subscription = subscription(event -> {
            if (broken.get() && event.globalPosition() == 2) {
                firstAttempt.countDown();
                throw new IllegalStateException("down");
            }
            delivered.add(event);
        }).retry(RetryPolicy.attempts(10, Duration.ofHours(1))).build();

        InterruptedPoll poll = InterruptedPoll.interruptAfter(firstAttempt, subscription);

        assertThat(poll.thrown()).isInstanceOfSatisfying(SubscriptionInterruptedException.class, error -> {
            assertThat(error.subscription()).isEqualTo("test");
            assertThat(error.globalPosition()).isEqualTo(2);
            assertThat(error).hasMessageContaining("'test'").hasMessageContaining("global position 2")
                    .hasMessageContaining("interrupt");
        });
        assertThat(poll.interruptFlagAfterwards()).isTrue();
        assertThat(deliveredPositions()).containsExactly(1L);
        assertThat(checkpoints.load("test")).isEqualTo(1);

        broken.set(false);
        assertThat(subscription.pollOnce()).isEqualTo(2);
        assertThat(deliveredPositions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void awaitCaughtUpOnASubscriptionThatWasNeverStartedIsAnErrorNamingIt() {
        appendItems("Order-1", 1);
        Subscription subscription = subscription(delivered::add).build();

        assertThatThrownBy(() -> subscription.awaitCaughtUp(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'test'").hasMessageContaining("start()");
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(1);
        // Polled by hand, it is still not running: there is no thread whose progress to wait for.
        assertThatThrownBy(() -> subscription.awaitCaughtUp(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(60)
    void afterAStopTheSubscriptionCanBePolledByHandWithItsRetriesIntact() throws InterruptedException {
        appendItems("Order-1", 1);
        Subscription subscription = subscription(delivered::add).build();
        subscription.start();
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        subscription.stop();

        appendItems("Order-2", 1);
        AtomicInteger attempts = new AtomicInteger();
        Subscription byHand = Subscription.builder("test", store, registry).handler(event -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            delivered.add(event);
        }, checkpoints).retry(RetryPolicy.attempts(3, Duration.ofMillis(1))).build();
        byHand.start();
        byHand.stop();

        // The stop of the thread must not cut the retry pauses of a later poll on this thread short.
        assertThat(byHand.pollOnce()).isEqualTo(1);
        assertThat(attempts).hasValue(3);
        assertThat(deliveredPositions()).containsExactly(1L, 2L);
    }

    @Test
    @Timeout(60)
    void aHandlerCanStopItsOwnSubscription() throws InterruptedException {
        appendItems("Order-1", 3);
        Subscription[] self = new Subscription[1];
        CountDownLatch stopReturned = new CountDownLatch(1);
        self[0] = timed(event -> {
            delivered.add(event);
            if (event.globalPosition() == 2) {
                self[0].stop();
                stopReturned.countDown();
            }
        }).batchSize(1).build();

        self[0].start();

        assertThat(stopReturned.await(30, TimeUnit.SECONDS)).as("stop() called by the handler returned").isTrue();
        assertThat(self[0].awaitCaughtUp(Duration.ofSeconds(30))).isFalse();
        assertThat(self[0].status()).isEqualTo(Subscription.Status.STOPPED);
        assertThat(deliveredPositions()).containsExactly(1L, 2L);
        assertThat(saved).as("saved once, as the thread ended").containsExactly(2L);
        assertThat(checkpoints.load("test")).isEqualTo(2);
    }

    @Test
    @Timeout(120)
    void aFailedSubscriptionCanBeRestartedAsSoonAsItReportsTheFailure() throws InterruptedException {
        appendItems("Order-1", 1);
        AtomicInteger calls = new AtomicInteger();
        Subscription subscription = subscription(event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("always");
        }).retry(RetryPolicy.noRetry()).build();

        for (int round = 1; round <= 200; round++) {
            subscription.start();
            assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isFalse();
            // FAILED is reported only once the run has ended, so start() right after it runs again.
            assertThat(subscription.status()).as("round %d", round).isEqualTo(Subscription.Status.FAILED);
            assertThat(calls).as("round %d", round).hasValue(round);
        }
        subscription.stop();
    }

    @Test
    @Timeout(60)
    void anErrorThrownByAHandlerIsAFailureLikeAnException() throws InterruptedException {
        appendItems("Order-1", 3);
        Subscription subscription = subscription(event -> {
            if (event.globalPosition() == 2) {
                throw new AssertionError("expected something else");
            }
            delivered.add(event);
        }).retry(RetryPolicy.noRetry()).build();

        subscription.start();
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isFalse();

        assertThat(subscription.status()).isEqualTo(Subscription.Status.FAILED);
        assertThat(subscription.failure().globalPosition()).isEqualTo(2);
        assertThat(subscription.failure().getCause()).isInstanceOf(AssertionError.class);
        assertThat(checkpoints.load("test")).isEqualTo(1);
    }

    @Test
    @Timeout(120)
    void anErrorSavingTheCheckpointEndsTheThreadWithoutLeavingTheSubscriptionRunning() throws InterruptedException {
        appendItems("Order-1", 3);
        AtomicBoolean broken = new AtomicBoolean(true);
        CheckpointStore breaking = new CheckpointStore() {
            @Override
            public long load(String subscription) {
                return checkpoints.load(subscription);
            }

            @Override
            public void save(String subscription, long position) {
                if (broken.get()) {
                    throw new AssertionError("checkpoint store broken");
                }
                checkpoints.save(subscription, position);
            }
        };
        Subscription subscription = Subscription.builder("test", store, registry).handler(delivered::add, breaking).build();

        subscription.start();
        // The save once caught up throws an Error, and so does the save as the thread ends.
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isFalse();
        assertThat(subscription.status()).as("its thread is dead").isEqualTo(Subscription.Status.STOPPED);

        broken.set(false);
        subscription.start();
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        subscription.stop();
        assertThat(checkpoints.load("test")).isEqualTo(3);
        assertThat(deliveredPositions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theCheckpointIntervalIsZeroOrPositiveAndOnlyForHandlers() {
        assertThatThrownBy(() -> subscription(delivered::add).checkpointInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpointInterval");
        assertThatThrownBy(() -> Subscription.builder("x", store, registry).projection((e, c) -> { })
                .checkpointInterval(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'x'").hasMessageContaining("projection");
    }

    @Test
    void aSubscriptionNeedsExactlyOneHandlerOrProjection() {
        assertThatThrownBy(() -> Subscription.builder("x", store, registry).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Subscription.builder("x", store, registry).projection((e, c) -> { }).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JDBC");
        assertThatThrownBy(() -> Subscription.builder(" ", store, registry)).isInstanceOf(IllegalArgumentException.class);
    }
}
