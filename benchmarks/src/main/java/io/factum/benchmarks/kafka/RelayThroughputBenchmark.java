package io.factum.benchmarks.kafka;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.store.BenchDatabase;
import io.factum.benchmarks.store.SampleEvents;
import io.factum.kafka.KafkaHeaders;
import io.factum.kafka.KafkaRelay;
import io.factum.kafka.RelayFeed;
import io.factum.kafka.RelayTopics;
import io.factum.kafka.testbroker.TestBroker;
import io.factum.store.ExpectedRevision;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.SubscriptionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relay's throughput from PostgreSQL to the test broker (a single-node KRaft broker this benchmark starts
 * in a child JVM, factum-kafka's {@code TestBroker}) against a plain {@link KafkaProducer} sending the same
 * records (key, value, headers) with the same settings: idempotent, {@code acks=all}, the relay's linger, batch
 * size and compression. The relay also reads the store in batches of 500 and commits one Kafka transaction per
 * batch with its progress record; the plain producer sends records prepared in memory and flushes once. Each
 * operation relays all {@code events} to a fresh topic (three partitions), created beforehand; producers are
 * opened before the clock starts. Operations per second; the report multiplies by {@code events}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class RelayThroughputBenchmark {

    /** Events in the store in the reported runs; smoke tests pass fewer. */
    public static final int DEFAULT_EVENTS = 20_000;
    private static final int EVENTS_PER_STREAM = 10;

    @Param({"" + DEFAULT_EVENTS})
    public int events;

    private TestBroker broker;
    private BenchDatabase database;
    private JdbcEventStore store;
    private List<StoredEvent> stored;
    private final Map<String, Object> producerSettings = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all");

    private volatile boolean armed;
    private KafkaRelay relay;
    private KafkaProducer<String, byte[]> plain;
    private String plainTopic;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        broker = TestBroker.start();
        database = BenchDatabase.create(BenchDatabase.POSTGRES, 2);
        store = database.factumStore("relay");
        SampleEvents sample = new SampleEvents();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                for (int i = 0; i < events / EVENTS_PER_STREAM; i++) {
                    store.append(connection, sample.newStreamId(), ExpectedRevision.noStream(), sample.next(EVENTS_PER_STREAM));
                }
                return null;
            });
        }
        stored = new ArrayList<>();
        List<StoredEvent> batch;
        while (!(batch = store.readAll(stored.isEmpty() ? 0 : stored.get(stored.size() - 1).globalPosition(), 1_000))
                .isEmpty()) {
            stored.addAll(batch);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        database.close();
        broker.close();
    }

    @Setup(Level.Invocation)
    public void openProducers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String relayTopic = "relay-" + run;
        plainTopic = "plain-" + run;
        broker.createTopic(relayTopic, 3);
        broker.createTopic(plainTopic, 3);
        armed = false;
        RelayFeed feed = (after, max) -> armed ? store.readAll(after, max) : List.of();
        relay = KafkaRelay.builder("bench-" + run, feed, broker.bootstrapServers())
                .mode(SubscriptionMode.singleProcess()).topics(RelayTopics.single(relayTopic)).build();
        relay.relayOnce(); // opens the producer and reads the (empty) progress back; relays nothing yet
        armed = true;
        Map<String, Object> config = new java.util.HashMap<>(producerSettings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plain = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @TearDown(Level.Invocation)
    public void closeProducers() {
        relay.close();
        plain.close();
    }

    @Benchmark
    public int relay() {
        int relayed = relay.runUntilCaughtUp();
        if (relayed != events) {
            throw new IllegalStateException("relayed " + relayed + " of " + events + " events");
        }
        return relayed;
    }

    @Benchmark
    public int plainProducer() {
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (StoredEvent event : stored) {
            plain.send(new ProducerRecord<>(plainTopic, null, null, event.streamId(), event.payload(),
                    KafkaHeaders.of(event)), (metadata, error) -> {
                        if (error != null) {
                            failed.compareAndSet(null, error);
                        }
                    });
        }
        plain.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("the plain producer failed", failed.get());
        }
        return stored.size();
    }
}
