package io.factum.kafka;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.FailureAction;
import io.factum.subscription.ParkedEvents;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Calls an {@link EnvelopeHandler} per record and commits the consumer group's offsets after each poll (and
 * before a failure ends one): at-least-once, since a crash between handling and committing repeats records.
 */
final class HandlerBatches extends RecordBatches {

    private final EnvelopeHandler handler;
    private final ParkedEvents parked;

    HandlerBatches(String subscription, EventTypeRegistry registry, RetryPolicy retry, FailureAction onHandlerFailure,
            FailureAction onUndecodable, EnvelopeHandler handler, ParkedEvents parked) {
        super(subscription, registry, retry, onHandlerFailure, onUndecodable);
        this.handler = handler;
        this.parked = parked;
    }

    @Override
    void prepare() {}

    @Override
    void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        // The group's committed offsets apply.
    }

    @Override
    void rewind(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    @Override
    ParkedEvents parkedEvents() {
        return parked;
    }

    @Override
    void handle(Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handleOrPark(record);
                done.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } finally {
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
    }

    private void handleOrPark(ConsumerRecord<String, byte[]> record) {
        StoredEvent event = KafkaHeaders.read(record);
        EventEnvelope<Object> envelope;
        try {
            envelope = decode(registry, event);
        } catch (Undecodable e) {
            if (onUndecodable == FailureAction.PARK) {
                parked.park(subscription, event, describe(e.reason()));
                return;
            }
            throw failed(record, "the event cannot be decoded", 0, e.reason());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(envelope);
                return;
            } catch (Exception | Error e) { // an Error (say an AssertionError) is a failure too, as on the bus
                if (attempt < retry.maxAttempts()) {
                    pauseAfter(attempt);
                } else if (onHandlerFailure == FailureAction.PARK) {
                    parked.park(subscription, event, describe(e));
                    return;
                } else {
                    throw failed(record, "the handler failed", attempt, e);
                }
            }
        }
    }
}
