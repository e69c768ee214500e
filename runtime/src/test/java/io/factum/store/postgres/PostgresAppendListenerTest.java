package io.factum.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.jdbc.CountingDataSource;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LISTEN/NOTIFY wakes a subscription on append, long before its poll interval would. */
class PostgresAppendListenerTest {

    private final CountingDataSource dataSource = new CountingDataSource(PostgresTestDatabase.dataSource());
    private final PostgresEventStore store =
            PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    private final EventTypeRegistry registry = Samples.registry();

    @AfterEach
    void dropTables() {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
    }

    @Test
    @Timeout(120)
    void anAppendWakesTheSubscriptionWithoutWaitingForThePollInterval() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        Subscription subscription;
        try (PostgresAppendListener listener = store.listenForAppends()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listener.isListening()) {
                assertThat(System.nanoTime()).as("listener connected").isLessThan(deadline);
                Thread.sleep(5);
            }
            // An hour between polls: only the notification can bring the event within the test's time.
            subscription = Subscription.builder("notified", store, registry)
                    .handler(event -> delivered.countDown(), new InMemoryCheckpointStore())
                    .pollInterval(Duration.ofHours(1))
                    .wakeUpOn(listener)
                    .build();
            subscription.start();
            assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

            store.append("Order-1", ExpectedRevision.noStream(),
                    List.of(registry.encode(new OrderPlaced("1", "alice"), Metadata.empty())));

            assertThat(delivered.await(30, TimeUnit.SECONDS)).as("delivered after NOTIFY").isTrue();
            subscription.stop();
        }
        assertThat(subscription.position()).isPositive();
        assertThat(dataSource.open()).as("connections left open, including the listener's").isZero();
    }

    @Test
    @Timeout(120)
    void aWakeCallbackThatThrowsDoesNotSilenceTheListener() throws InterruptedException {
        Semaphore wakes = new Semaphore(0);
        try (PostgresAppendListener listener = store.listenForAppends()) {
            listener.onAppend(() -> {
                throw new IllegalStateException("a broken callback");
            });
            listener.onAppend(wakes::release);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listener.isListening()) {
                assertThat(System.nanoTime()).as("listener connected").isLessThan(deadline);
                Thread.sleep(5);
            }
            wakes.drainPermits(); // the wake-up on connecting

            for (int i = 1; i <= 2; i++) {
                store.append("Order-" + i, ExpectedRevision.noStream(),
                        List.of(registry.encode(new OrderPlaced(String.valueOf(i), "alice"), Metadata.empty())));
                assertThat(wakes.tryAcquire(30, TimeUnit.SECONDS)).as("woken after append %d", i).isTrue();
            }
            assertThat(listener.isListening()).isTrue();
            assertThat(listener.lastWakeFailure()).hasMessage("a broken callback");
        }
        assertThat(dataSource.open()).as("connections left open, including the listener's").isZero();
    }
}
