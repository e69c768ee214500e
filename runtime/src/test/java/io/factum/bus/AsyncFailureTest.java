package io.factum.bus;

import static io.factum.bus.TestEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.bus.Waiting.Recorder;
import io.factum.event.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AsyncFailureTest {

    private AsyncEventBus bus;

    @AfterEach
    void closeBus() {
        if (bus != null) {
            bus.close(Duration.ZERO);
        }
    }

    @Test
    void aSubscriberThatAlwaysFailsDoesNotStopTheOthers() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.immediate(3)).build();
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        bus.subscribe("before", OrderPlaced.class, before);
        bus.subscribe("broken", OrderPlaced.class, envelope -> {
            throw new IllegalStateException("always broken");
        });
        bus.subscribe("after", OrderPlaced.class, after);

        for (int i = 0; i < 1_000; i++) {
            bus.publish(placed(i));
        }
        Waiting.idle(bus);

        assertThat(before.received()).isEqualTo(Waiting.sequence(1_000));
        assertThat(after.received()).isEqualTo(Waiting.sequence(1_000));
        assertThat(bus.metrics()).containsExactly(
                new SubscriberMetrics("before", OrderPlaced.class, 1_000, 0, 0, 0),
                new SubscriberMetrics("broken", OrderPlaced.class, 0, 3_000, 1_000, 0),
                new SubscriberMetrics("after", OrderPlaced.class, 1_000, 0, 0, 0));
        List<DeadLetter> letters = bus.deadLetters().list();
        assertThat(letters).hasSize(1_000).allSatisfy(letter -> {
            assertThat(letter.subscriberName()).isEqualTo("broken");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).hasMessage("always broken");
        });
        assertThat(letters).extracting(letter -> ((OrderPlaced) letter.envelope().payload()).sequence())
                .isEqualTo(Waiting.sequence(1_000));
    }

    @Test
    void failuresStayIsolatedUnderConcurrentPublishers() throws Exception {
        bus = AsyncEventBus.builder().queueCapacity(64).retryPolicy(RetryPolicy.immediate(2)).build();
        Recorder healthy = new Recorder();
        bus.subscribe("healthy", OrderPlaced.class, healthy);
        bus.subscribe("broken", OrderPlaced.class, envelope -> {
            throw new IllegalStateException("broken");
        });
        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int publisher = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    bus.publish(placed(publisher, i));
                }
            });
            publishers.add(thread);
            thread.start();
        }
        for (Thread thread : publishers) {
            thread.join();
        }
        Waiting.idle(bus);

        assertThat(healthy.received()).hasSize(20_000);
        assertThat(bus.metrics()).containsExactly(
                new SubscriberMetrics("healthy", OrderPlaced.class, 20_000, 0, 0, 0),
                new SubscriberMetrics("broken", OrderPlaced.class, 0, 40_000, 20_000, 0));
        assertThat(bus.deadLetters().size()).isEqualTo(20_000);
    }

    @Test
    void aFailedEventIsRetriedWithBackoffBeforeTheNextOneAndThenSucceeds() throws Exception {
        bus = AsyncEventBus.builder()
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(10)))
                .build();
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(2);
        bus.subscribe("flaky", OrderPlaced.class, envelope -> {
            calls.add(envelope.payload().sequence());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("transient");
            }
        });

        for (int i = 0; i < 10; i++) {
            bus.publish(placed(i));
        }
        Waiting.idle(bus);

        assertThat(calls).containsExactly(0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(bus.metrics()).containsExactly(new SubscriberMetrics("flaky", OrderPlaced.class, 10, 2, 0, 0));
        assertThat(bus.deadLetters().list()).isEmpty();
    }

    @Test
    void eventsFailingEveryAttemptAreParkedAndAfterTheFixRedeliveredExactlyOnce() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.immediate(2)).clock(new TickingClock()).build();
        AtomicBoolean inventoryDown = new AtomicBoolean(true);
        Recorder delivered = new Recorder();
        bus.subscribe("Inventory.onOrderPlaced", OrderPlaced.class, envelope -> {
            if (inventoryDown.get()) {
                throw new IllegalStateException("inventory down for order " + envelope.payload().sequence());
            }
            delivered.handle(envelope);
        });
        List<EventEnvelope<OrderPlaced>> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(placed(i));
            bus.publish(published.get(i));
        }
        Waiting.idle(bus);

        List<DeadLetter> letters = bus.deadLetters().list();
        assertThat(letters).hasSize(5);
        for (int i = 0; i < 5; i++) {
            DeadLetter letter = letters.get(i);
            assertThat(letter.subscriberName()).isEqualTo("Inventory.onOrderPlaced");
            assertThat(letter.envelope()).isSameAs(published.get(i));
            assertThat(letter.lastError()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("inventory down for order " + i);
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.lastFailedAt()).isAfter(letter.firstFailedAt());
            assertThat(letter.toString()).contains("Inventory.onOrderPlaced failed 2 times on OrderPlaced");
        }
        assertThat(delivered.received()).isEmpty();

        inventoryDown.set(false);
        assertThat(bus.deadLetters().redeliverAll()).isEqualTo(5);
        Waiting.idle(bus);

        assertThat(delivered.received()).containsExactly(0, 1, 2, 3, 4);
        assertThat(bus.deadLetters().list()).isEmpty();
        assertThat(bus.deadLetters().redeliverAll()).isZero();
        Waiting.idle(bus);
        assertThat(delivered.received()).containsExactly(0, 1, 2, 3, 4);
        assertThat(bus.metrics())
                .containsExactly(new SubscriberMetrics("Inventory.onOrderPlaced", OrderPlaced.class, 5, 10, 5, 0));
    }

    @Test
    void aRedeliveredEventThatFailsAgainKeepsItsLetterAndAddsUpTheAttempts() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.immediate(2)).clock(new TickingClock()).build();
        bus.subscribe("broken", OrderPlaced.class, envelope -> {
            throw new IllegalStateException("still broken");
        });
        bus.publish(placed(0));
        Waiting.idle(bus);
        DeadLetter first = bus.deadLetters().list().get(0);

        assertThat(bus.deadLetters().redeliver(first.id())).isTrue();
        Waiting.idle(bus);

        assertThat(bus.deadLetters().list()).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.attempts()).isEqualTo(4);
            assertThat(again.firstFailedAt()).isEqualTo(first.firstFailedAt());
            assertThat(again.lastFailedAt()).isAfter(first.lastFailedAt());
            assertThat(again.envelope()).isSameAs(first.envelope());
        });
    }

    @Test
    void oneLetterCanBeRedeliveredAndAnotherDiscarded() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.noRetry()).build();
        AtomicBoolean broken = new AtomicBoolean(true);
        Recorder delivered = new Recorder();
        bus.subscribe("fixable", OrderPlaced.class, envelope -> {
            if (broken.get()) {
                throw new IllegalStateException("broken");
            }
            delivered.handle(envelope);
        });
        bus.publish(placed(0));
        bus.publish(placed(1));
        Waiting.idle(bus);
        List<DeadLetter> letters = bus.deadLetters().list();
        UUID keep = letters.get(0).id();
        UUID drop = letters.get(1).id();
        broken.set(false);

        assertThat(bus.deadLetters().discard(drop)).isTrue();
        assertThat(bus.deadLetters().discard(drop)).isFalse();
        assertThat(bus.deadLetters().redeliver(drop)).isFalse();
        assertThat(bus.deadLetters().redeliver(keep)).isTrue();
        assertThat(bus.deadLetters().redeliver(keep)).isFalse();
        Waiting.idle(bus);

        assertThat(delivered.received()).containsExactly(0);
        assertThat(bus.deadLetters().size()).isZero();
    }

    @Test
    void aLetterWhoseSubscriberLeftStaysParkedUntilItComesBack() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.noRetry()).build();
        Registration registration = bus.subscribe("Mailer.onOrderPlaced", OrderPlaced.class, envelope -> {
            throw new IllegalStateException("smtp down");
        });
        bus.publish(placed(7));
        Waiting.idle(bus);
        DeadLetter letter = bus.deadLetters().list().get(0);
        registration.close();

        assertThatThrownBy(() -> bus.deadLetters().redeliver(letter.id()))
                .isInstanceOfSatisfying(SubscriberNotFoundException.class, e -> assertThat(e.letter()).isEqualTo(letter))
                .hasMessageContaining("Mailer.onOrderPlaced")
                .hasMessageContaining(OrderPlaced.class.getName())
                .hasMessageContaining("stays parked");
        assertThat(bus.deadLetters().redeliverAll()).isZero();
        assertThat(bus.deadLetters().list()).containsExactly(letter);

        Recorder mailer = new Recorder();
        bus.subscribe("Mailer.onOrderPlaced", OrderPlaced.class, mailer);
        assertThat(bus.deadLetters().redeliver(letter.id())).isTrue();
        Waiting.idle(bus);
        assertThat(mailer.received()).containsExactly(7);
    }

    @Test
    void aRetryingEventHoldsBackOnlyItsOwnSubscriber() throws Exception {
        // The retry waits an hour: the test ends long before, so "slow" never gets past event 0.
        bus = AsyncEventBus.builder().retryPolicy(new RetryPolicy(2, Duration.ofHours(1), 1, Duration.ofHours(1))).build();
        AtomicInteger slowCalls = new AtomicInteger();
        bus.subscribe("slow", OrderPlaced.class, envelope -> {
            slowCalls.incrementAndGet();
            throw new IllegalStateException("fails once, then waits for its retry");
        });
        Recorder other = new Recorder();
        bus.subscribe("other", OrderPlaced.class, other);

        for (int i = 0; i < 100; i++) {
            bus.publish(placed(i));
        }
        Waiting.until("other gets everything", () -> other.received().size() == 100);
        Waiting.until("slow fails once", () -> bus.metrics().get(0).failedAttempts() == 1);

        assertThat(other.received()).isEqualTo(Waiting.sequence(100));
        assertThat(bus.metrics().get(0)).isEqualTo(new SubscriberMetrics("slow", OrderPlaced.class, 0, 1, 0, 99));
        ShutdownReport report = bus.close(Duration.ZERO);
        assertThat(report.undelivered()).singleElement().satisfies(entry -> {
            assertThat(entry.subscriberName()).isEqualTo("slow");
            assertThat(entry.stillRunning()).isNull();
            assertThat(entry.notDelivered()).extracting(envelope -> ((OrderPlaced) envelope.payload()).sequence())
                    .isEqualTo(Waiting.sequence(100));
        });
        assertThat(slowCalls.get()).isEqualTo(1);
        assertThat(bus.deadLetters().list()).isEmpty();
    }

    @Test
    void errorsThrownByAHandlerAreFailuresLikeExceptions() throws Exception {
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.noRetry()).build();
        Recorder recorder = new Recorder();
        bus.subscribe("asserting", OrderPlaced.class, envelope -> {
            if (envelope.payload().sequence() == 0) {
                throw new AssertionError("bug");
            }
            recorder.handle(envelope);
        });

        bus.publish(placed(0));
        bus.publish(placed(1));
        Waiting.idle(bus);

        assertThat(recorder.received()).containsExactly(1);
        assertThat(bus.deadLetters().list()).singleElement()
                .satisfies(letter -> assertThat(letter.lastError()).isInstanceOf(AssertionError.class));
    }

    @Test
    void whenTheDeadLetterStoreFailsTheEventIsKeptAndParkedOnALaterAttempt() throws Exception {
        FlakyStore store = new FlakyStore();
        bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.noRetry()).deadLetterStore(store).build();
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("broken", OrderPlaced.class, envelope -> {
            calls.incrementAndGet();
            throw new IllegalStateException("broken");
        });

        bus.publish(placed(0));
        Waiting.idle(bus);

        assertThat(store.refused.get()).isEqualTo(1);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(bus.deadLetters().list()).singleElement()
                .satisfies(letter -> assertThat(letter.attempts()).isEqualTo(2));
        assertThat(bus.metrics().get(0).deadLettered()).isEqualTo(1);
    }

    /** Refuses the first letter, then stores normally. */
    private static final class FlakyStore implements DeadLetterStore {
        private final InMemoryDeadLetterStore delegate = new InMemoryDeadLetterStore();
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public void add(DeadLetter letter) {
            if (refused.compareAndSet(0, 1)) {
                throw new IllegalStateException("disk full");
            }
            delegate.add(letter);
        }

        @Override
        public List<DeadLetter> list() {
            return delegate.list();
        }

        @Override
        public Optional<DeadLetter> remove(UUID id) {
            return delegate.remove(id);
        }
    }

    /** A clock that moves one second forward on every reading, so failure times are strictly ordered. */
    static final class TickingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(1_700_000_000L + seconds.incrementAndGet());
        }
    }
}
