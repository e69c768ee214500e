package io.factum.kafka;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;
import io.factum.subscription.FailureAction;
import io.factum.subscription.ParkedEvents;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How a {@link KafkaSubscription} handles what one poll returned; the two kinds are a plain handler
 * (at-least-once, offsets committed to Kafka) and a JDBC projection (exactly once, offsets in its database).
 * Shared here: decoding, retry pauses and the failure errors.
 */
abstract class RecordBatches {

    final String subscription;
    final EventTypeRegistry registry;
    final RetryPolicy retry;
    final FailureAction onHandlerFailure;
    final FailureAction onUndecodable;
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);

    RecordBatches(String subscription, EventTypeRegistry registry, RetryPolicy retry, FailureAction onHandlerFailure,
            FailureAction onUndecodable) {
        this.subscription = subscription;
        this.registry = registry;
        this.retry = retry;
        this.onHandlerFailure = onHandlerFailure;
        this.onUndecodable = onUndecodable;
    }

    /** Prepares the store of parked events (and offsets) before the first poll. */
    abstract void prepare();

    /** Partitions were assigned: seek where this kind of subscription keeps its offsets. */
    abstract void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions);

    /**
     * Handles one poll's records and records their offsets.
     *
     * @throws KafkaSubscriptionFailedException when a record fails and the action is STOP
     * @throws Stopped when a stop was requested during a retry pause
     */
    abstract void handle(Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> records);

    /** After a transient failure: seek {@code partitions} back to where this kind keeps its offsets. */
    void rewind(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        assigned(consumer, partitions);
    }

    abstract ParkedEvents parkedEvents();

    void started() {
        stopRequested = new CountDownLatch(1);
    }

    void requestStop() {
        stopRequested.countDown();
    }

    /**
     * The event a record carries.
     *
     * @throws MalformedRecordException when it is not a Factum record (always stops the subscription)
     * @throws Undecodable when its type is unknown or its payload does not decode
     */
    static EventEnvelope<Object> decode(EventTypeRegistry registry, StoredEvent event) {
        try {
            return registry.envelope(event);
        } catch (RuntimeException e) {
            throw new Undecodable(e);
        }
    }

    void pauseAfter(int failedAttempt) {
        pause(retry.delayAfter(failedAttempt).toMillis());
    }

    /** Waits {@code millis}; a stop ends the wait with {@link Stopped}. */
    void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            if (stopRequested.await(millis, TimeUnit.MILLISECONDS)) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    KafkaSubscriptionFailedException failed(ConsumerRecord<?, ?> record, String what, int attempts, Throwable cause) {
        return new KafkaSubscriptionFailedException(subscription, record, what, attempts, cause);
    }

    static String describe(Throwable error) {
        return error.getClass().getName() + ": " + error.getMessage();
    }

    /** A record's event could not be decoded; the cause says why. */
    static final class Undecodable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecodable(RuntimeException cause) {
            super(cause);
        }

        RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }

    /** A stop was requested during a retry pause. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stop requested", null, false, false);
        }
    }
}
