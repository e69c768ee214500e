package io.factum.bus;

import static io.factum.bus.TestEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.bus.Waiting.Recorder;
import io.factum.bus.Waiting.StuckRecorder;
import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AsyncBackpressureTest {

    private final StuckRecorder stuck = new StuckRecorder();
    private final Recorder healthy = new Recorder();
    private AsyncEventBus bus;

    @AfterEach
    void release() {
        stuck.release();
        if (bus != null) {
            bus.close(Duration.ZERO);
        }
    }

    /**
     * Subscribes "stuck" and "healthy", publishes event 0 (which "stuck" takes and hangs on), then
     * fills the stuck queue, letting "healthy" keep up so that only the stuck queue is full.
     */
    private void fillTheStuckQueue(AsyncEventBus.Builder builder, int capacity) {
        bus = builder.queueCapacity(capacity).build();
        bus.subscribe("stuck", OrderPlaced.class, stuck);
        bus.subscribe("healthy", OrderPlaced.class, healthy);
        bus.publish(placed(0));
        stuck.awaitStarted();
        for (int i = 1; i <= capacity; i++) {
            bus.publish(placed(i));
            int published = i + 1;
            Waiting.until("healthy keeps up", () -> healthy.received().size() == published);
        }
        assertThat(bus.metrics().get(0).queued()).isEqualTo(capacity);
    }

    @Test
    void aPublisherBlocksOnAFullQueueThenTimesOutWithAnErrorNamingTheSubscriber() throws Exception {
        fillTheStuckQueue(AsyncEventBus.builder().blockWhenFull(Duration.ofMillis(50)), 2);
        EventEnvelope<OrderPlaced> refused = placed(3);

        assertThatThrownBy(() -> bus.publish(refused))
                .isInstanceOfSatisfying(BusOverloadedException.class, e -> {
                    assertThat(e.subscriberNames()).containsExactly("stuck");
                    assertThat(e.envelope()).isSameAs(refused);
                })
                .hasMessageContaining("subscriber [stuck] is full")
                .hasMessageContaining("capacity 2")
                .hasMessageContaining("was not queued for it");

        Waiting.until("healthy gets all four", () -> healthy.received().size() == 4);
        assertThat(healthy.received()).containsExactly(0, 1, 2, 3);
        stuck.release();
        Waiting.idle(bus);
        assertThat(stuck.received()).containsExactly(0, 1, 2);
    }

    @Test
    void aBlockedPublisherContinuesOnceTheSubscriberMakesRoom() throws Exception {
        fillTheStuckQueue(AsyncEventBus.builder().blockWhenFull(Waiting.PATIENCE), 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread publisher = new Thread(() -> {
            try {
                bus.publish(placed(2));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "blocked-publisher");
        publisher.start();
        Waiting.blocked(publisher);
        assertThat(publisher.isAlive()).isTrue();

        stuck.release();
        publisher.join();
        Waiting.idle(bus);

        assertThat(failure.get()).isNull();
        assertThat(stuck.received()).containsExactly(0, 1, 2);
        assertThat(healthy.received()).containsExactly(0, 1, 2);
    }

    @Test
    void theRejectPolicyRefusesAtOnceAndEverythingAcceptedIsStillDelivered() throws Exception {
        fillTheStuckQueue(AsyncEventBus.builder().rejectWhenFull(), 2);

        assertThatThrownBy(() -> bus.publish(placed(3)))
                .isInstanceOfSatisfying(BusOverloadedException.class,
                        e -> assertThat(e.subscriberNames()).containsExactly("stuck"))
                .hasMessageContaining("reject policy");
        assertThatThrownBy(() -> bus.publish(placed(4))).isInstanceOf(BusOverloadedException.class);

        stuck.release();
        Waiting.idle(bus);
        assertThat(stuck.received()).containsExactly(0, 1, 2);
        assertThat(healthy.received()).containsExactly(0, 1, 2, 3, 4);
        assertThat(bus.metrics()).extracting(SubscriberMetrics::delivered).containsExactly(3L, 5L);
    }

    @Test
    void closingWakesBlockedPublishersWithBusClosed() throws Exception {
        fillTheStuckQueue(AsyncEventBus.builder().blockWhenFull(Waiting.PATIENCE), 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread publisher = new Thread(() -> {
            try {
                bus.publish(placed(2));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "blocked-publisher");
        publisher.start();
        Waiting.blocked(publisher);

        ShutdownReport report = bus.close(Duration.ZERO);
        publisher.join();

        assertThat(failure.get()).isInstanceOf(BusClosedException.class).hasMessageContaining("closed while publishing");
        assertThat(report.undelivered()).singleElement().satisfies(entry -> {
            assertThat(entry.subscriberName()).isEqualTo("stuck");
            assertThat(entry.stillRunning().payload()).isEqualTo(new OrderPlaced(0, 0));
            assertThat(entry.notDelivered()).extracting(envelope -> (Object) envelope.payload())
                    .containsExactly(new OrderPlaced(0, 1));
        });
    }

    @Test
    void aPublisherWokenByCloseQueuesTheEventForNoFurtherSubscriber() throws Exception {
        // A race: the woken publisher used to go on to "healthy" before close() had closed it.
        for (int round = 1; round <= 200; round++) {
            StuckRecorder stuckHere = new StuckRecorder();
            Recorder healthyHere = new Recorder();
            AsyncEventBus busHere = AsyncEventBus.builder().queueCapacity(1).blockWhenFull(Waiting.PATIENCE).build();
            busHere.subscribe("stuck", OrderPlaced.class, stuckHere);
            busHere.subscribe("healthy", OrderPlaced.class, healthyHere);
            busHere.publish(placed(0));
            stuckHere.awaitStarted();
            busHere.publish(placed(1));
            Waiting.until("healthy keeps up", () -> healthyHere.received().size() == 2);
            Thread publisher = new Thread(() -> {
                try {
                    busHere.publish(placed(2));
                } catch (BusClosedException expected) {
                    // asserted through the report below
                }
            }, "blocked-publisher");
            publisher.start();
            Waiting.blocked(publisher);

            ShutdownReport report = busHere.close(Duration.ZERO);
            publisher.join();
            stuckHere.release();

            assertThat(report.undelivered()).as("round %d", round)
                    .extracting(ShutdownReport.Undelivered::subscriberName).containsExactly("stuck");
        }
    }

    @Test
    void redeliveryRespectsTheQueueBoundAndKeepsTheLetterWhenRefused() throws Exception {
        bus = AsyncEventBus.builder().queueCapacity(1).rejectWhenFull().retryPolicy(RetryPolicy.noRetry()).build();
        StuckRecorder stuckAfterFailing = new StuckRecorder();
        bus.subscribe("stuck", OrderPlaced.class, envelope -> {
            if (envelope.payload().sequence() == 0) {
                throw new IllegalStateException("first one fails");
            }
            stuckAfterFailing.handle(envelope);
        });
        bus.publish(placed(0));
        Waiting.until("event 0 is dead-lettered", () -> bus.deadLetters().size() == 1);
        bus.publish(placed(1));
        stuckAfterFailing.awaitStarted();
        bus.publish(placed(2));
        DeadLetter letter = bus.deadLetters().list().get(0);

        assertThatThrownBy(() -> bus.deadLetters().redeliver(letter.id()))
                .isInstanceOf(BusOverloadedException.class)
                .hasMessageContaining("redelivering dead letter " + letter.id());
        assertThat(bus.deadLetters().list()).containsExactly(letter);

        stuckAfterFailing.release();
        Waiting.idle(bus);
        assertThat(stuckAfterFailing.received()).containsExactly(1, 2);
    }
}
