package io.factum.bus;

import static io.factum.bus.TestEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.bus.TestEvents.OrderPaid;
import io.factum.bus.TestEvents.OrderPlaced;
import io.factum.bus.Waiting.Recorder;
import io.factum.bus.Waiting.StuckRecorder;
import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AsyncShutdownTest {

    private final StuckRecorder stuck = new StuckRecorder();

    @AfterEach
    void release() {
        stuck.release();
    }

    @Test
    void closeDrainsWhatWasAcceptedBeforeIt() throws Exception {
        AsyncEventBus bus = AsyncEventBus.create();
        bus.subscribe("slow", OrderPlaced.class, stuck);
        for (int i = 0; i < 100; i++) {
            bus.publish(placed(i));
        }
        stuck.awaitStarted();
        // The subscriber is held until close has begun, so close really has 100 events to drain.
        Thread releaser = new Thread(() -> {
            Waiting.until("close begins", bus::isClosed);
            stuck.release();
        });
        releaser.start();

        ShutdownReport report = bus.close(Waiting.PATIENCE);
        releaser.join();

        assertThat(report.isComplete()).as(report.toString()).isTrue();
        assertThat(report.undeliveredCount()).isZero();
        assertThat(stuck.received()).isEqualTo(Waiting.sequence(100));
        assertThat(bus.metrics().get(0).delivered()).isEqualTo(100);
    }

    @Test
    void closeWithAStuckSubscriberReturnsAtTheTimeoutReportingWhatWasNotDelivered() throws Exception {
        AsyncEventBus bus = AsyncEventBus.create();
        Recorder healthy = new Recorder();
        bus.subscribe("stuck", OrderPlaced.class, stuck);
        bus.subscribe("healthy", OrderPlaced.class, healthy);
        List<EventEnvelope<OrderPlaced>> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(placed(i));
            bus.publish(published.get(i));
        }
        stuck.awaitStarted();
        Waiting.until("healthy gets everything", () -> healthy.received().size() == 5);

        ShutdownReport report = bus.close(Duration.ofMillis(50));

        assertThat(report.isComplete()).isFalse();
        assertThat(report.undeliveredCount()).isEqualTo(5);
        assertThat(report.undelivered()).singleElement().satisfies(entry -> {
            assertThat(entry.subscriberName()).isEqualTo("stuck");
            assertThat(entry.eventClass()).isEqualTo(OrderPlaced.class);
            assertThat(entry.stillRunning()).isSameAs(published.get(0));
            assertThat(entry.notDelivered()).containsExactlyElementsOf(published.subList(1, 5));
        });
        assertThat(report.toString()).contains("stuck (OrderPlaced): 4 not delivered, 1 still running");
        assertThat(healthy.received()).containsExactly(0, 1, 2, 3, 4);

        // The running call may finish; nothing reported as undelivered is delivered afterwards.
        stuck.release();
        Waiting.idle(bus);
        assertThat(stuck.received()).containsExactly(0);
        assertThat(bus.metrics().get(0).delivered()).isEqualTo(1);
    }

    @Test
    void aStillRunningEventThatFailsAfterTheTimeoutBecomesADeadLetterWithoutRetry() throws Exception {
        AsyncEventBus bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.immediate(5)).build();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        bus.subscribe("stuckThenFailing", OrderPlaced.class, envelope -> {
            started.countDown();
            gate.await();
            throw new IllegalStateException("failed after the timeout");
        });
        bus.publish(placed(0));
        Waiting.await(started, "the handler to start");

        ShutdownReport report = bus.close(Duration.ZERO);
        gate.countDown();
        Waiting.idle(bus);

        assertThat(report.undelivered()).singleElement()
                .satisfies(entry -> assertThat(entry.stillRunning().payload()).isEqualTo(new OrderPlaced(0, 0)));
        assertThat(bus.deadLetters().list()).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).hasMessage("failed after the timeout");
        });
    }

    @Test
    void afterCloseEverythingIsRefusedWithATypedError() {
        AsyncEventBus bus = AsyncEventBus.create();
        bus.subscribe("any", OrderPlaced.class, envelope -> {});
        ShutdownReport report = bus.close(Waiting.PATIENCE);

        assertThat(bus.isClosed()).isTrue();
        assertThatThrownBy(() -> bus.publish(placed(0)))
                .isInstanceOf(BusClosedException.class)
                .hasMessageContaining("Cannot publish OrderPlaced")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> bus.publishEvent(new OrderPaid("A"))).isInstanceOf(BusClosedException.class);
        assertThatThrownBy(() -> bus.subscribe("late", OrderPlaced.class, envelope -> {}))
                .isInstanceOf(BusClosedException.class)
                .hasMessageContaining("late");
        UUID someLetter = UUID.randomUUID();
        assertThatThrownBy(() -> bus.deadLetters().redeliver(someLetter))
                .isInstanceOf(BusClosedException.class)
                .hasMessageContaining(someLetter.toString());
        assertThat(bus.close(Duration.ZERO)).isSameAs(report);
        bus.close();
    }

    @Test
    void closeWithoutArgumentsThrowsWithTheReportWhenEventsAreLeft() {
        AsyncEventBus bus = AsyncEventBus.builder().closeTimeout(Duration.ZERO).build();
        bus.subscribe("stuck", OrderPlaced.class, stuck);
        bus.publish(placed(0));
        bus.publish(placed(1));
        stuck.awaitStarted();

        assertThatThrownBy(bus::close)
                .isInstanceOfSatisfying(UndeliveredEventsException.class,
                        e -> assertThat(e.report().undeliveredCount()).isEqualTo(2))
                .hasMessageContaining("2 event(s) not delivered")
                .hasMessageContaining("stuck");
    }

    @Test
    void tryWithResourcesClosesCleanlyWhenEverythingIsDelivered() {
        Recorder recorder = new Recorder();
        try (AsyncEventBus bus = AsyncEventBus.create()) {
            bus.subscribe("recorder", OrderPlaced.class, recorder);
            for (int i = 0; i < 10; i++) {
                bus.publish(placed(i));
            }
        }
        assertThat(recorder.received()).isEqualTo(Waiting.sequence(10));
    }

    @Test
    void queuedRedeliveriesGoBackToTheDeadLetterStoreWhenCloseGivesUp() throws Exception {
        AsyncEventBus bus = AsyncEventBus.builder().retryPolicy(RetryPolicy.noRetry()).build();
        bus.subscribe("stuck", OrderPlaced.class, envelope -> {
            if (envelope.payload().sequence() == 0) {
                throw new IllegalStateException("first one fails");
            }
            stuck.handle(envelope);
        });
        bus.publish(placed(0));
        Waiting.until("event 0 is dead-lettered", () -> bus.deadLetters().size() == 1);
        DeadLetter letter = bus.deadLetters().list().get(0);
        bus.publish(placed(1));
        stuck.awaitStarted();
        assertThat(bus.deadLetters().redeliver(letter.id())).isTrue();
        assertThat(bus.deadLetters().list()).isEmpty();

        ShutdownReport report = bus.close(Duration.ZERO);

        assertThat(report.undelivered()).singleElement().satisfies(entry -> {
            assertThat(entry.stillRunning().payload()).isEqualTo(new OrderPlaced(0, 1));
            assertThat(entry.notDelivered()).isEmpty();
        });
        assertThat(bus.deadLetters().list()).containsExactly(letter);
    }

    @Test
    void unsubscribingStopsNewEventsButStillDeliversTheQueuedOnes() throws Exception {
        List<EventEnvelope<?>> unhandled = new ArrayList<>();
        AsyncEventBus bus = AsyncEventBus.builder().onUnhandled(unhandled::add).build();
        Registration registration = bus.subscribe("leaving", OrderPlaced.class, stuck);
        bus.publish(placed(0));
        stuck.awaitStarted();
        bus.publish(placed(1));
        bus.publish(placed(2));

        registration.close();
        registration.close();
        EventEnvelope<OrderPlaced> afterLeaving = placed(3);
        bus.publish(afterLeaving);
        stuck.release();
        Waiting.idle(bus);

        assertThat(stuck.received()).containsExactly(0, 1, 2);
        assertThat(unhandled).containsExactly(afterLeaving);
        assertThat(bus.close(Waiting.PATIENCE).isComplete()).isTrue();
    }

    @Test
    void subscriberNamesAreUniquePerEventClass() {
        AsyncEventBus bus = AsyncEventBus.create();
        bus.subscribe("Audit.on", OrderPlaced.class, envelope -> {});
        bus.subscribe("Audit.on", OrderPaid.class, envelope -> {});

        assertThatThrownBy(() -> bus.subscribe("Audit.on", OrderPlaced.class, envelope -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Audit.on' is already subscribed to " + OrderPlaced.class.getName());
        assertThatThrownBy(() -> bus.subscribe("Audit.on", TestEvents.OrderEvent.class, envelope -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each member record");
        bus.close(Duration.ZERO);
    }

    @Test
    void whenASuppliedExecutorRefusesTheDrainThePublisherIsToldAndCloseReportsTheEvent() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        AsyncEventBus bus = AsyncEventBus.builder().executor(executor).build();
        bus.subscribe("unlucky", OrderPlaced.class, envelope -> {});
        EventEnvelope<OrderPlaced> envelope = placed(0);

        assertThatThrownBy(() -> bus.publish(envelope)).isInstanceOf(RejectedExecutionException.class);
        ShutdownReport report = bus.close(Duration.ZERO);

        assertThat(report.undelivered()).singleElement()
                .satisfies(entry -> assertThat(entry.notDelivered()).containsExactly(envelope));
    }

    @Test
    void eventsWithoutSubscribersGoToTheUnhandledHook() {
        List<EventEnvelope<?>> unhandled = new ArrayList<>();
        AsyncEventBus bus = AsyncEventBus.builder().onUnhandled(unhandled::add).build();
        bus.subscribe("placed", OrderPlaced.class, envelope -> {});
        EventEnvelope<OrderPaid> paid = TestEvents.paid("A");

        bus.publish(paid);
        bus.publish(placed(0));

        assertThat(unhandled).containsExactly(paid);
        assertThat(bus.close(Waiting.PATIENCE).isComplete()).isTrue();
    }

    @Test
    void aSuppliedExecutorAndSchedulerAreLeftRunning() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Recorder recorder = new Recorder();
            AsyncEventBus bus = AsyncEventBus.builder().executor(executor).scheduler(scheduler).build();
            bus.subscribe("recorder", OrderPlaced.class, recorder);
            bus.publish(placed(0));

            assertThat(bus.close(Waiting.PATIENCE).isComplete()).isTrue();
            assertThat(recorder.received()).containsExactly(0);
            assertThat(executor.isShutdown()).isFalse();
            assertThat(scheduler.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
