package io.factum.kafka;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.subscription.FailureAction;
import io.factum.subscription.JdbcParkedEvents;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.ParkedEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies one poll's records to a {@link JdbcProjection} in one database transaction together with the parked
 * events and the next Kafka offsets ({@link KafkaOffsets}), so every record changes the read model exactly once.
 * Offsets are never taken from the consumer group: on assignment the consumer seeks to the stored ones. A failed
 * record rolls the batch back; it is retried (after the retry pause), then parked inside the next try, or the
 * subscription stops with nothing of the batch committed.
 */
final class ProjectionBatches extends RecordBatches {

    private final JdbcEventStore database;
    private final JdbcProjection projection;
    private final KafkaOffsets offsets;
    private final JdbcParkedEvents parked;

    ProjectionBatches(String subscription, EventTypeRegistry registry, RetryPolicy retry,
            FailureAction onHandlerFailure, FailureAction onUndecodable, JdbcEventStore database,
            JdbcProjection projection) {
        super(subscription, registry, retry, onHandlerFailure, onUndecodable);
        this.database = database;
        this.projection = projection;
        this.offsets = new KafkaOffsets(database);
        this.parked = new JdbcParkedEvents(database);
    }

    @Override
    void prepare() {
        database.ensureSchema();
        offsets.ensureTable();
    }

    @Override
    ParkedEvents parkedEvents() {
        return parked;
    }

    @Override
    void assigned(Consumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = offsets.load(subscription, partitions);
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                consumer.seek(partition, next);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    @Override
    void handle(Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> records) {
        Map<Long, String> toPark = new HashMap<>();
        Map<Long, Integer> attemptsByOffset = new HashMap<>(); // per record, so that moving failures still end
        while (true) {
            Outcome outcome = tryBatch(records, toPark);
            if (outcome == null) {
                return;
            }
            if (outcome.stale != null) {
                // Another consumer applied these records first (this one had lost the partition): go back to the
                // stored offsets and read on from there.
                assigned(consumer, outcome.stale);
                return;
            }
            ConsumerRecord<String, byte[]> record = outcome.record;
            if (outcome.undecodable) {
                if (onUndecodable == FailureAction.STOP) {
                    throw failed(record, "the event cannot be decoded", 0, outcome.reason);
                }
                toPark.put(key(record), describe(outcome.reason));
                continue;
            }
            int attempts = attemptsByOffset.merge(key(record), 1, Integer::sum);
            if (attempts < retry.maxAttempts()) {
                pauseAfter(attempts);
            } else if (onHandlerFailure == FailureAction.PARK) {
                toPark.put(key(record), describe(outcome.reason));
            } else {
                throw failed(record, "the projection failed", attempts, outcome.reason);
            }
        }
    }

    /** A record's identity inside one poll: its global position (parked events are keyed by it too). */
    private static long key(ConsumerRecord<String, byte[]> record) {
        return KafkaHeaders.globalPosition(record.headers());
    }

    /** One transaction over the batch; null when it committed. */
    private Outcome tryBatch(List<ConsumerRecord<String, byte[]>> records, Map<Long, String> toPark) {
        Map<TopicPartition, long[]> ranges = new LinkedHashMap<>(); // partition -> {first offset, next offset}
        for (ConsumerRecord<String, byte[]> record : records) {
            ranges.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    p -> new long[] {record.offset(), 0})[1] = record.offset() + 1;
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return JdbcEventStore.inTransaction(connection, () -> {
                List<TopicPartition> stale = offsets.save(connection, subscription, ranges);
                if (!stale.isEmpty()) {
                    throw new BatchOutcome(Outcome.stale(stale));
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    StoredEvent event = KafkaHeaders.read(record);
                    String parkReason = toPark.get(event.globalPosition());
                    if (parkReason != null) {
                        parked.park(connection, subscription, event, parkReason);
                        continue;
                    }
                    apply(record, event, connection);
                }
                return null;
            });
        } catch (BatchOutcome outcome) {
            return outcome.outcome;
        } catch (SQLException e) {
            throw new JdbcStoreException("Kafka subscription '" + subscription + "' cannot commit its batch of "
                    + records.size() + " records: " + e.getMessage(), e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record, StoredEvent event, Connection connection) {
        EventEnvelope<Object> envelope;
        try {
            envelope = decode(registry, event);
        } catch (Undecodable e) {
            throw new BatchOutcome(new Outcome(record, e.reason(), true, null));
        }
        try {
            projection.apply(envelope, connection);
        } catch (Exception | Error e) { // an Error is a failure too, as on the bus
            throw new BatchOutcome(new Outcome(record, e, false, null));
        }
    }

    /** Why a try of the batch did not commit. */
    private record Outcome(ConsumerRecord<String, byte[]> record, Throwable reason, boolean undecodable,
                           List<TopicPartition> stale) {
        static Outcome stale(List<TopicPartition> partitions) {
            return new Outcome(null, null, false, partitions);
        }
    }

    /** Carries an outcome out of the transaction so that it rolls back. */
    private static final class BatchOutcome extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient Outcome outcome;

        BatchOutcome(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
