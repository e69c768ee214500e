package io.factum.kafka;

import io.factum.FactumException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A Kafka record that does not carry a Factum event: a header is missing or does not parse, or key or value is null. */
public final class MalformedRecordException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int partition;
    private final long offset;

    MalformedRecordException(ConsumerRecord<?, ?> record, String problem) {
        super("Record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " " + problem);
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
