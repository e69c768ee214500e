package io.factum.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.event.Metadata;
import io.factum.event.UnknownEventTypeException;
import io.factum.sample.ItemAdded;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    private List<Long> deliveredPositions() {
        return delivered.stream().map(EventEnvelope::globalPosition).toList();
    }

    private List<Long> storedPositions() {
        return store.readAll(0, 10_000).stream().map(StoredEvent::globalPosition).toList();
    }

    @Test
    void deliversEveryEventDecodedInOrderInBatchesAndSavesTheCheckpointPerBatch() {
        appendItems("Order-1", 15);
        appendItems("Order-2", 10);
        List<Long> saved = new ArrayList<>();
        CheckpointStore recording = new CheckpointStore() {
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
        Subscription subscription = Subscription.builder("test", store, registry)
                .handler(delivered::add, recording).batchSize(10).build();

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
        Subscription subscription = subscription(event -> {
            if (event.globalPosition() == 2) {
                firstAttempt.countDown();
                throw new IllegalStateException("down");
            }
            delivered.add(event);
        }).retry(RetryPolicy.attempts(10, Duration.ofHours(1))).build();

        subscription.start();
        assertThat(firstAttempt.await(30, TimeUnit.SECONDS)).isTrue();
        subscription.stop();

        assertThat(subscription.status()).isEqualTo(Subscription.Status.STOPPED);
        assertThat(subscription.failure()).isNull();
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
        self[0] = subscription(event -> {
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
    void aSubscriptionNeedsExactlyOneHandlerOrProjection() {
        assertThatThrownBy(() -> Subscription.builder("x", store, registry).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Subscription.builder("x", store, registry).projection((e, c) -> { }).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JDBC");
        assertThatThrownBy(() -> Subscription.builder(" ", store, registry)).isInstanceOf(IllegalArgumentException.class);
    }
}
