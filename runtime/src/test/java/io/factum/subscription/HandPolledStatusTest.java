package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.sample.ItemAdded;
import io.factum.sample.Samples;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A subscription polled by hand reports a failure through status() and failure(), as the docs say. */
class HandPolledStatusTest {

    private final EventTypeRegistry registry = Samples.registry();
    private final EventStore store = new InMemoryEventStore();
    private final AtomicBoolean broken = new AtomicBoolean(true);

    private Subscription subscription() {
        store.append("Order-1", ExpectedRevision.any(),
                List.of(registry.encode(new ItemAdded("Order-1", "sku", 1), Metadata.empty())));
        return Subscription.builder("by-hand", store, registry)
                .handler(event -> {
                    if (broken.get()) {
                        throw new IllegalStateException("handler is broken");
                    }
                }, new InMemoryCheckpointStore())
                .retry(RetryPolicy.noRetry())
                .build();
    }

    @Test
    void aFailingHandPollTurnsTheStatusFailedWithTheFailureItThrew() throws InterruptedException {
        Subscription subscription = subscription();
        assertThat(subscription.status()).isEqualTo(Subscription.Status.NEW);

        SubscriptionFailedException thrown = catchThrowableOfType(SubscriptionFailedException.class, subscription::pollOnce);

        assertThat(subscription.status()).isEqualTo(Subscription.Status.FAILED);
        assertThat(subscription.failure()).isSameAs(thrown);
        assertThat(subscription.awaitCaughtUp(Duration.ZERO)).isFalse(); // failed: nothing will catch up
        assertThat(catchThrowableOfType(SubscriptionFailedException.class, subscription::runUntilCaughtUp))
                .isNotSameAs(thrown);
        assertThat(subscription.failure()).isNotSameAs(thrown); // the latest failure
    }

    @Test
    void aHandPollThatGetsPastTheFailureClearsIt() {
        Subscription subscription = subscription();
        catchThrowableOfType(SubscriptionFailedException.class, subscription::pollOnce);

        broken.set(false);
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(1);

        assertThat(subscription.status()).isEqualTo(Subscription.Status.NEW);
        assertThat(subscription.failure()).isNull();
    }
}
