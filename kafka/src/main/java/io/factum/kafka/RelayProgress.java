package io.factum.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The relay's position, kept in Kafka: every relay transaction also writes one record (key = relay name, value =
 * the last global position of the batch, as decimal text) to a one-partition, compacted progress topic. The
 * position therefore commits or aborts together with the events it covers, whatever topics those went to, and
 * on start the relay reads back the last committed progress record ({@code read_committed}).
 */
final class RelayProgress {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String relay;
    private final String topic;
    private final Map<String, Object> clientConfig;

    RelayProgress(String relay, String topic, Map<String, Object> clientConfig) {
        this.relay = relay;
        this.topic = topic;
        this.clientConfig = clientConfig;
    }

    String topic() {
        return topic;
    }

    /** The progress record for a batch that ends at {@code position}. */
    ProducerRecord<String, byte[]> record(long position) {
        return new ProducerRecord<>(topic, 0, relay, Long.toString(position).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the progress topic (one partition, compacted) unless it exists. */
    void ensureTopic() {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic progress = new NewTopic(topic, java.util.Optional.of(1), java.util.Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(progress)).all().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("Cannot create the relay progress topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("Creating the relay progress topic " + topic
                    + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating the relay progress topic " + topic, e);
        }
    }

    /**
     * The last position this relay committed, or 0 if it never committed one. Call it after the producer's
     * {@code initTransactions()}, which completes or aborts the previous owner's open transaction. Reads backwards
     * from the end of the topic in growing windows until it finds a committed record of this relay.
     */
    long recover() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            long begin = consumer.beginningOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            long window = 16;
            long to = end;
            while (to > begin) {
                long from = Math.max(begin, to - window);
                Long found = lastIn(consumer, partition, from, to);
                if (found != null) {
                    return found;
                }
                to = from;
                window *= 2;
            }
            return 0;
        }
    }

    private Long lastIn(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from, long to) {
        consumer.seek(partition, from);
        Long last = null;
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("Reading the relay progress topic " + topic
                        + " from offset " + from + " to " + to + " took over " + READ_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to && relay.equals(record.key()) && record.value() != null) {
                    last = Long.parseLong(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return last;
    }
}
