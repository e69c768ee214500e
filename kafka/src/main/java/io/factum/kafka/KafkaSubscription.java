package io.factum.kafka;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.FailureAction;
import io.factum.subscription.InMemoryParkedEvents;
import io.factum.subscription.JdbcProjection;
import io.factum.subscription.ParkedEvent;
import io.factum.subscription.ParkedEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes relayed events from Kafka in a consumer group (group id = the subscription's name), decodes them with
 * the generated {@link EventTypeRegistry} (upcasters apply) and delivers {@code EventEnvelope}s, in partition order
 * (so in stream order), to a plain {@link EnvelopeHandler} or a {@link JdbcProjection}.
 *
 * <pre>{@code
 * KafkaSubscription totals = KafkaSubscription.builder("order-totals", "kafka-1:9092", registry)
 *         .topics(List.of("shop.Order"))
 *         .projection(readModelDatabase, (event, connection) -> ...)
 *         .build();
 * totals.start();
 * }</pre>
 *
 * <ul>
 *   <li>Handler: offsets are committed to the group after each poll; at-least-once.</li>
 *   <li>Projection: records, parked events and the next offsets commit in one transaction of the read model's
 *       database; on partition assignment the consumer seeks to the stored offsets ("external offsets"), and a
 *       compare-and-set on them rejects a batch another member already applied: exactly once, across rebalances
 *       and kill -9.</li>
 * </ul>
 * Failures follow the store subscriptions: retries by {@link RetryPolicy}, then STOP (the subscription fails before
 * the record) or PARK (into {@link ParkedEvents}; a projection parks in its database's parked-events table). Records
 * of unknown type or with a payload that does not decode follow {@code onUndecodable}; a record that is not a
 * Factum record at all ({@link MalformedRecordException}) always stops the subscription.
 */
public final class KafkaSubscription implements AutoCloseable {

    /** Where the subscription is in its lifecycle. */
    public enum Status { NEW, RUNNING, STOPPED, FAILED }

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> consumerConfig;
    private final RecordBatches batches;
    private final Duration pollTimeout;
    private final Object lock = new Object();

    /** Guarded by lock. */
    private Thread thread;
    /** Guarded by lock. */
    private KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopping;
    private volatile Status status = Status.NEW;
    private volatile RuntimeException failure;
    private volatile RuntimeException lastError;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private KafkaSubscription(Builder builder) {
        this.name = builder.name;
        this.topics = List.copyOf(builder.topics);
        this.pollTimeout = builder.pollTimeout;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, builder.batchSize);
        config.putAll(builder.consumerConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, builder.bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig = Map.copyOf(config);
        this.batches = builder.projection != null
                ? new ProjectionBatches(name, builder.registry, builder.retry, builder.onHandlerFailure,
                        builder.onUndecodable, builder.database, builder.projection)
                : new HandlerBatches(name, builder.registry, builder.retry, builder.onHandlerFailure,
                        builder.onUndecodable, builder.handler, builder.parked);
    }

    /** A builder; give it {@link Builder#topics topics} and a {@link Builder#handler handler} or {@link Builder#projection projection}. */
    public static Builder builder(String name, String bootstrapServers, EventTypeRegistry registry) {
        return new Builder(name, bootstrapServers, registry);
    }

    /** The name, which is also the consumer group id and the key of its offsets and parked events. */
    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    /** Why it stopped when {@link #status()} is FAILED ({@link KafkaSubscriptionFailedException}, {@link MalformedRecordException}, ...); else null. */
    public RuntimeException failure() {
        return failure;
    }

    /** The last error it is waiting out (say the read model's database is unreachable); null after a good poll. */
    public RuntimeException lastError() {
        return lastError;
    }

    /** The events it has parked. */
    public List<ParkedEvent> parkedEvents() {
        return batches.parkedEvents().list(name);
    }

    /** Joins the group and delivers on a thread of its own; restarts a stopped or failed subscription. */
    public void start() {
        synchronized (lock) {
            if (thread != null && thread.isAlive()) {
                return;
            }
            batches.prepare();
            batches.started();
            stopping = false;
            failure = null;
            consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
            KafkaConsumer<String, byte[]> running = consumer;
            status = Status.RUNNING;
            thread = new Thread(() -> run(running), "factum-kafka-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops after the batch in progress (a retry pause ends at once), leaves the group and waits for the thread. */
    public void stop() {
        Thread running;
        synchronized (lock) {
            stopping = true;
            batches.requestStop();
            if (consumer != null) {
                consumer.wakeup();
            }
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Nothing to flush: every batch commits (or rolls back) before the next poll.
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    batches.assigned(consumer, partitions);
                }
            });
            long backoff = MIN_BACKOFF_MILLIS;
            boolean rewind = false;
            while (!stopping) {
                try {
                    if (rewind) {
                        // What was fetched after the failed batch is dropped: go back to where the offsets say.
                        batches.rewind(consumer, consumer.assignment());
                        rewind = false;
                    }
                    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                    consumer.poll(pollTimeout).forEach(records::add);
                    if (!records.isEmpty()) {
                        batches.handle(consumer, records);
                    }
                    lastError = null;
                    backoff = MIN_BACKOFF_MILLIS;
                } catch (RuntimeException e) {
                    if (!isTransient(e)) {
                        throw e;
                    }
                    lastError = e;
                    rewind = true;
                    batches.pause(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
            status = Status.STOPPED;
        } catch (WakeupException | RecordBatches.Stopped e) {
            status = Status.STOPPED;
        } catch (RuntimeException e) {
            failure = e;
            status = Status.FAILED;
        }
    }

    /**
     * The errors the subscription waits out and retries: the read model's database unreachable, a retriable Kafka
     * error, or a commit that failed because the group rebalanced (those records go to their new owner).
     */
    private static boolean isTransient(RuntimeException e) {
        return e instanceof JdbcStoreException || e.getCause() instanceof JdbcStoreException
                || e instanceof RetriableException || e instanceof CommitFailedException
                || e instanceof RebalanceInProgressException;
    }

    /** Options of a {@link KafkaSubscription}. */
    public static final class Builder {
        private final String name;
        private final String bootstrapServers;
        private final EventTypeRegistry registry;
        private final Map<String, Object> consumerConfig = new HashMap<>();
        private List<String> topics = List.of();
        private EnvelopeHandler handler;
        private ParkedEvents parked = new InMemoryParkedEvents();
        private JdbcEventStore database;
        private JdbcProjection projection;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private FailureAction onHandlerFailure = FailureAction.STOP;
        private FailureAction onUndecodable = FailureAction.STOP;
        private int batchSize = 500;
        private Duration pollTimeout = Duration.ofMillis(500);

        private Builder(String name, String bootstrapServers, EventTypeRegistry registry) {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("A Kafka subscription needs a name of 1 to 200 characters: it is "
                        + "the consumer group id and keys its offsets, was '" + name + "'");
            }
            this.name = name;
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The topics to consume (those the relay writes, e.g. {@code shop.Order}). */
        public Builder topics(List<String> topics) {
            for (String topic : topics) {
                RelayTopics.requireValid(topic, "Kafka subscription '" + name + "'");
            }
            this.topics = List.copyOf(topics);
            return this;
        }

        /** Delivers each event to {@code handler}, at least once; offsets are committed to the consumer group. */
        public Builder handler(EnvelopeHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Where a handler subscription parks events; default in memory. Projections park in their database. */
        public Builder parkedEvents(ParkedEvents parked) {
            this.parked = Objects.requireNonNull(parked, "parked");
            return this;
        }

        /**
         * Applies each event to {@code projection} in {@code database} (the read model's database, opened as a
         * Factum JDBC store so that its parked-events table and the {@code <prefix>kafka_offsets} table live
         * beside the read model), exactly once.
         */
        public Builder projection(JdbcEventStore database, JdbcProjection projection) {
            this.database = Objects.requireNonNull(database, "database");
            this.projection = Objects.requireNonNull(projection, "projection");
            return this;
        }

        /** Consumer settings passed as they are (security: {@code security.protocol}, {@code sasl.*}, {@code ssl.*}). */
        public Builder consumerConfig(Map<String, ?> config) {
            consumerConfig.putAll(config);
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        public Builder onHandlerFailure(FailureAction action) {
            this.onHandlerFailure = Objects.requireNonNull(action, "action");
            return this;
        }

        public Builder onUndecodable(FailureAction action) {
            this.onUndecodable = Objects.requireNonNull(action, "action");
            return this;
        }

        /** Records per poll (and per projection transaction); default 500. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public KafkaSubscription build() {
            if (topics.isEmpty()) {
                throw new IllegalStateException("Kafka subscription '" + name + "' needs topics(...)");
            }
            if ((handler == null) == (projection == null)) {
                throw new IllegalStateException("Kafka subscription '" + name
                        + "' needs exactly one of handler(...) or projection(...)");
            }
            return new KafkaSubscription(this);
        }
    }
}
