package io.factum.kafka;

import io.factum.FactumException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A {@link KafkaSubscription} stopped at a record: its handler failed on every attempt, or the record could not
 * be decoded, and the failure action was STOP. Nothing at or after the record was committed.
 */
public final class KafkaSubscriptionFailedException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int partition;
    private final long offset;

    KafkaSubscriptionFailedException(String subscription, ConsumerRecord<?, ?> record, String what, int attempts,
            Throwable cause) {
        super("Kafka subscription '" + subscription + "' stopped at record " + record.topic() + "-" + record.partition()
                + "@" + record.offset() + " (stream '" + record.key() + "'): " + what
                + (attempts > 0 ? " after " + attempts + " attempt(s)" : "") + ": " + cause, cause);
        this.topic = record.topic();
        this.partition = record.partition();
        this.offset = record.offset();
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }
}
