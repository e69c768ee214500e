package io.factum.kafka;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.AppendSignal;
import io.factum.subscription.ExclusiveLease;
import io.factum.subscription.SubscriptionMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces the store's events to Kafka, exactly once, in stream order.
 *
 * <pre>{@code
 * KafkaRelay relay = KafkaRelay.builder("shop", store, "kafka-1:9092")
 *         .topics(RelayTopics.perAggregateType("shop."))
 *         .build();
 * relay.start();
 * }</pre>
 *
 * <p>Each batch read from the store after the relay's position is one Kafka transaction: the selected events
 * (key = stream id, value = the stored payload bytes, envelope in {@link KafkaHeaders}) and one progress record
 * ({@link RelayProgress}). The producer is idempotent and transactional with the stable {@code transactional.id}
 * {@code factum-relay-<name>}: a relay that starts fences any earlier one with that id and aborts its open
 * transaction, then reads its position back from the progress topic. A killed relay therefore leaves either a
 * whole batch with its progress or nothing; the next one goes on after the last committed batch.
 *
 * <p>When Kafka (or the store) is unreachable the relay closes its producer, waits (doubling up to {@code maxBackoff}) and starts
 * over from the position committed in Kafka: it reads nothing further from the store meanwhile and skips nothing.
 *
 * <p>On a JDBC store the running relay is an exclusive-mode worker of the fleet ({@link ExclusiveLease}, lease
 * {@code factum-relay-<name>} in the store's leases table): one instance relays, the others stand by and take
 * over when it stops renewing its lease. The lease decides who works; Kafka's producer epoch is what keeps a
 * stale owner from committing.
 */
public final class KafkaRelay implements AutoCloseable {

    /** Where the relay is in its lifecycle. */
    public enum Status { NEW, RUNNING, STOPPED, FAILED }

    private final String name;
    private final RelayFeed feed;
    private final RelayTopics topics;
    private final Predicate<StoredEvent> selection;
    private final Map<String, Object> producerConfig;
    private final String transactionalId;
    private final RelayProgress progress;
    private final int batchSize;
    private final RelayThread thread;
    /** The fleet's lease (exclusive mode); null in single-process mode. */
    private final RelayLease lease;
    /** The lease's claim count the current producer was opened under; run thread only. */
    private long claimsSeen;
    private final MissingTopics missingTopics;

    /** Guarded by the relay's single working thread (the run thread, or the caller of {@link #relayOnce}). */
    private KafkaProducer<String, byte[]> producer;
    private volatile long position = -1;

    private KafkaRelay(Builder builder) {
        this.name = builder.name;
        this.feed = builder.feed;
        this.topics = builder.topics;
        this.selection = builder.selection;
        this.batchSize = builder.batchSize;
        this.transactionalId = builder.transactionalId != null ? builder.transactionalId : "factum-relay-" + name;
        Map<String, Object> client = new HashMap<>(builder.clientConfig);
        this.progress = new RelayProgress(name, builder.progressTopic != null ? builder.progressTopic
                : "factum-relay-" + name + "-progress", client);
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producer.putAll(client);
        producer.putAll(builder.producerConfig);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        this.producerConfig = Map.copyOf(producer);
        this.missingTopics = new MissingTopics(client);
        ExclusiveLease exclusive = builder.lease();
        this.lease = exclusive == null ? null : new RelayLease(exclusive, "factum-relay-" + name + "-lease");
        this.thread = new RelayThread("factum-relay-" + name, this::work, this::endRun,
                builder.pollInterval, builder.maxBackoff, this::fatal, builder.appendSignal);
    }

    /** A builder for relay {@code name} reading {@code store} and producing to {@code bootstrapServers}. */
    public static Builder builder(String name, EventStore store, String bootstrapServers) {
        Builder builder = new Builder(name, RelayFeed.of(store), bootstrapServers);
        builder.leaseStore = store instanceof JdbcEventStore jdbc ? jdbc : null;
        return builder;
    }

    /** A builder for relay {@code name} reading {@code feed}; see {@link RelayFeed}. */
    public static Builder builder(String name, RelayFeed feed, String bootstrapServers) {
        return new Builder(name, feed, bootstrapServers);
    }

    public String name() {
        return name;
    }

    /** The stable {@code transactional.id} that fences other relays of the same name. */
    public String transactionalId() {
        return transactionalId;
    }

    /** The topic the relay keeps its position in. */
    public String progressTopic() {
        return progress.topic();
    }

    /**
     * The last global position committed to Kafka, or -1 before the relay has read it back. On a standby: what it
     * knew when it last relayed.
     */
    public long position() {
        return position;
    }

    /**
     * How many events the store holds after {@link #position()}: its {@code lastPosition()} minus the position,
     * never below 0. Meaningful on the active instance ({@link #isActive()}); reads the store.
     */
    public long lag() {
        return Math.max(0, feed.lastPosition() - Math.max(0, position));
    }

    /** How the instances of this relay share the work: exclusive (a lease) on a JDBC store, else single-process. */
    public SubscriptionMode mode() {
        return lease != null ? SubscriptionMode.exclusive() : SubscriptionMode.singleProcess();
    }

    /** This instance's name in the leases table; null in single-process mode. */
    public String instanceId() {
        return lease == null ? null : lease.instanceId();
    }

    /** Whether this instance relays now: it runs and, in exclusive mode, holds the fleet's lease. */
    public boolean isActive() {
        return status() == Status.RUNNING && (lease == null || lease.owns());
    }

    public Status status() {
        return thread.status();
    }

    /** Why the relay stopped when {@link #status()} is FAILED ({@link RelayFencedException}, {@link RelayFailedException}); else null. */
    public RuntimeException failure() {
        return thread.failure();
    }

    /** The last error the relay retried after (say Kafka was unreachable); null once a batch commits again. */
    public RuntimeException lastError() {
        return thread.lastError();
    }

    /**
     * Relays one batch on the calling thread (do not mix with {@link #start()}). A relay polled by hand takes no
     * lease; Kafka's producer epoch still fences any other relay of the same name.
     *
     * @return the number of store events the batch covered (relayed or not selected); 0 when caught up
     * @throws RelayFencedException when another relay fenced this one
     * @throws RelayTopicMissingException when a topic of the batch does not exist; the batch was aborted
     * @throws KafkaException when Kafka fails; the batch was aborted and the producer closed, the next call starts over
     */
    public int relayOnce() {
        Set<String> batchTopics = new HashSet<>();
        try {
            if (producer == null) {
                openProducer();
            }
            List<StoredEvent> batch = feed.readAfter(position, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            producer.beginTransaction();
            for (StoredEvent event : batch) {
                if (selection.test(event)) {
                    String topic = RelayTopics.requireValid(topics.topicOf(event), "event " + event.globalPosition()
                            + " of stream '" + event.streamId() + "'");
                    batchTopics.add(topic);
                    producer.send(new ProducerRecord<>(topic, null, null, event.streamId(), event.payload(),
                            KafkaHeaders.of(event)));
                }
            }
            long last = batch.get(batch.size() - 1).globalPosition();
            producer.send(progress.record(last));
            producer.commitTransaction();
            position = last;
            return batch.size();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            // Both mean a newer producer with our transactional.id bumped the epoch (the second with transactions v2).
            closeProducer();
            throw new RelayFencedException(name, transactionalId, e);
        } catch (RuntimeException e) {
            closeProducer(); // the open transaction is aborted when the next producer with our id initialises
            if (!batchTopics.isEmpty() && MissingTopics.maySayMissing(e)) {
                Set<String> missing = missingTopics.of(batchTopics);
                if (!missing.isEmpty()) {
                    throw new RelayTopicMissingException(name, missing, position, e);
                }
            }
            throw e;
        }
    }

    /**
     * One turn of the run thread: in exclusive mode it relays only while this instance holds the lease (renewed
     * by {@link RelayLease}'s heartbeat), and after each new claim it starts a new producer, whose
     * {@code initTransactions()} fences the previous owner and aborts its open transaction, and reads the
     * position back from Kafka.
     */
    private int work() {
        if (lease == null) {
            return relayOnce();
        }
        long claims = lease.claims();
        if (!lease.mayWork() || claims != claimsSeen) {
            closeProducer();
            claimsSeen = claims;
        }
        return lease.mayWork() ? relayOnce() : 0;
    }

    private void endRun() {
        closeProducer();
        if (lease != null) {
            lease.stop();
        }
    }

    /** Relays batches until one comes back empty; returns the number of store events covered. */
    public int runUntilCaughtUp() {
        int total = 0;
        int read;
        while ((read = relayOnce()) > 0) {
            total += read;
        }
        return total;
    }

    private void openProducer() {
        KafkaProducer<String, byte[]> opened = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer());
        try {
            opened.initTransactions();
            progress.ensureTopic();
            position = progress.recover();
            producer = opened;
        } catch (RuntimeException e) {
            opened.close(Duration.ZERO);
            throw e;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /**
     * The errors that end a running relay; everything else (Kafka unreachable, a timed-out or aborted transaction,
     * the store's database unreachable) is retried after a backoff.
     */
    private RuntimeException fatal(RuntimeException error) {
        if (error instanceof RelayFencedException && lease != null) {
            return null; // another instance took the lease over: stand by (the lease, renewed next turn, says so)
        }
        if (error instanceof RelayFencedException || error instanceof InvalidRelayTopicException) {
            return error;
        }
        if (error instanceof AuthenticationException || error instanceof AuthorizationException
                || error instanceof UnsupportedVersionException) {
            return new RelayFailedException(name, position, error);
        }
        return null;
    }

    /**
     * Starts relaying on a thread of its own; restarts a stopped or failed relay from the position in Kafka. In
     * exclusive mode it first records the mode in the store's leases table (so it can fail, say with
     * {@code SubscriptionModeMismatchException} or when the database is unreachable); the thread then relays only
     * while it holds the lease.
     */
    public void start() {
        if (lease != null && status() != Status.RUNNING) {
            lease.start();
        }
        thread.start();
    }

    /** Stops after the batch in progress and waits for the thread to end. */
    public void stop() {
        thread.stop();
    }

    @Override
    public void close() {
        stop();
        closeProducer();
    }

    /** Options of a {@link KafkaRelay}. */
    public static final class Builder {
        private final String name;
        private final RelayFeed feed;
        private final Map<String, Object> clientConfig = new HashMap<>();
        private final Map<String, Object> producerConfig = new HashMap<>();
        private RelayTopics topics = RelayTopics.perAggregateType("");
        private Predicate<StoredEvent> selection = event -> true;
        private String transactionalId;
        private String progressTopic;
        private int batchSize = 500;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private JdbcEventStore leaseStore;
        private SubscriptionMode mode;
        private Duration leaseDuration = Duration.ofSeconds(10);
        private String instanceId;
        private AppendSignal appendSignal;

        private Builder(String name, RelayFeed feed, String bootstrapServers) {
            if (name == null || !RelayTopics.VALID_NAME.matcher(name).matches() || name.length() > 180) {
                throw new IllegalArgumentException("A relay name is 1 to 180 characters of a-z, A-Z, 0-9, '.', '_' and "
                        + "'-' (it names the transactional.id and the progress topic), was '" + name + "'");
            }
            this.name = name;
            this.feed = Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }

        /** Where each event goes; default {@link RelayTopics#perAggregateType perAggregateType("")}. */
        public Builder topics(RelayTopics topics) {
            this.topics = Objects.requireNonNull(topics, "topics");
            return this;
        }

        /** Relays only the events of these aggregate types (see {@link RelayTopics#aggregateType}). */
        public Builder aggregateTypes(Set<String> aggregateTypes) {
            Set<String> types = Set.copyOf(aggregateTypes);
            return select(event -> types.contains(RelayTopics.aggregateType(event.streamId())));
        }

        /** Relays only the events of these stored type names. */
        public Builder eventTypes(Set<String> eventTypes) {
            Set<String> types = Set.copyOf(eventTypes);
            return select(event -> types.contains(event.type()));
        }

        /** Relays only the events {@code selection} accepts (combined with earlier selections by AND). */
        public Builder select(Predicate<StoredEvent> selection) {
            this.selection = this.selection.and(Objects.requireNonNull(selection, "selection"));
            return this;
        }

        /**
         * Client settings shared by the relay's producer, admin client and progress reader: security
         * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), {@code client.id} and the like, passed as they are.
         */
        public Builder clientConfig(Map<String, ?> config) {
            clientConfig.putAll(config);
            return this;
        }

        /**
         * Producer settings over the relay's defaults ({@code linger.ms=5}, {@code batch.size=262144},
         * {@code compression.type=lz4}, {@code max.block.ms=15000}, {@code delivery.timeout.ms=30000}); the relay
         * always sets idempotence, {@code acks=all} and the transactional id itself.
         */
        public Builder producerConfig(Map<String, ?> config) {
            producerConfig.putAll(config);
            return this;
        }

        /** The transactional id; default {@code factum-relay-<name>}. Keep it stable: it is what fences old relays. */
        public Builder transactionalId(String id) {
            this.transactionalId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The progress topic; default {@code factum-relay-<name>-progress}. */
        public Builder progressTopic(String topic) {
            this.progressTopic = RelayTopics.requireValid(topic, "the relay progress");
            return this;
        }

        /** Store events per Kafka transaction; default 500. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How long the running relay waits once caught up; default 200 ms. With {@link #wakeUpOn} it is only the
         * fallback for a lost wake-up.
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /** The longest wait between retries while Kafka fails; default 10 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive(backoff, "maxBackoff");
            return this;
        }

        private static Duration positive(Duration value, String what) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * How the relay's instances in several processes share the work; default {@link SubscriptionMode#exclusive()}
         * when built on a JDBC store (a lease in its leases table), {@link SubscriptionMode#singleProcess()} otherwise.
         */
        public Builder mode(SubscriptionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How long the lease lasts without renewal; default 10 s. A standby takes over at most about this plus a
         * third of it after the active relay stopped renewing it (killed, cut off, paused).
         */
        public Builder leaseDuration(Duration duration) {
            if (duration.compareTo(Duration.ofMillis(30)) < 0) {
                throw new IllegalArgumentException("leaseDuration must be at least 30 ms, was " + duration);
            }
            this.leaseDuration = duration;
            return this;
        }

        /** This instance's name in the leases table; default the process id and a random part. */
        public Builder instanceId(String instanceId) {
            if (instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("an instance id must not be blank");
            }
            this.instanceId = instanceId;
            return this;
        }

        /**
         * Wakes the running relay early, e.g. {@code PostgresEventStore.listenForAppends()}: an append is relayed at
         * once instead of at the next poll interval, which stays as the fallback (a lost signal delays by at most
         * one interval and loses nothing). Not during a retry's backoff: only the backoff paces retries.
         */
        public Builder wakeUpOn(AppendSignal signal) {
            this.appendSignal = Objects.requireNonNull(signal, "signal");
            return this;
        }

        private ExclusiveLease lease() {
            SubscriptionMode chosen = mode != null ? mode
                    : leaseStore != null ? SubscriptionMode.exclusive() : SubscriptionMode.singleProcess();
            if (chosen.equals(SubscriptionMode.singleProcess())) {
                return null;
            }
            if (!chosen.equals(SubscriptionMode.exclusive())) {
                throw new IllegalArgumentException("Relay '" + name + "' runs in exclusive or single-process mode, not "
                        + chosen + ": one relay follows the store's global order");
            }
            if (leaseStore == null) {
                throw new IllegalArgumentException("Relay '" + name + "': exclusive mode keeps its lease in the "
                        + "database of a JDBC event store (SQLite or PostgreSQL); build the relay on one, or use "
                        + "SubscriptionMode.singleProcess() and run one relay");
            }
            return ExclusiveLease.of(leaseStore, "factum-relay-" + name, instanceId, leaseDuration);
        }

        public KafkaRelay build() {
            return new KafkaRelay(this);
        }
    }
}
