package io.factum.example.worker;

import io.factum.example.app.ExampleApp;
import io.factum.kafka.KafkaRelay;
import io.factum.kafka.RelayTopics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The shop's side of the Kafka integration: relays the Order and Customer events of the shop's store to one
 * topic, {@value #TOPIC}, exactly once. Inventory and Banking stay on the store: their events are relayed by no
 * one. The relay is an exclusive-mode worker: run it in several processes and one relays while the others
 * stand by.
 *
 * <p>Why one topic of one partition: Notifications joins streams (an order's notification names its customer,
 * registered in another stream). Kafka keeps order within a partition only, so with a topic per aggregate type
 * (or several partitions) an order's events may arrive before its customer's registration. One partition keeps
 * the store's order for these events, at one partition's throughput; a context that only follows single streams
 * (Analytics alone) could use {@code RelayTopics.perAggregateType} and many partitions.
 */
public final class ShopRelay {

    /** The topic of the shop's sales events (orders and customers), one partition. */
    public static final String TOPIC = "shop.sales";

    private ShopRelay() {}

    /** The relay of {@code app}'s store to {@code bootstrapServers}; {@link #createTopic} first, then start it. */
    public static KafkaRelay of(ExampleApp app, String bootstrapServers) {
        return KafkaRelay.builder("shop", app.store(), bootstrapServers)
                .topics(RelayTopics.single(TOPIC))
                .aggregateTypes(Set.of("Order", "Customer"))
                .build();
    }

    /** Creates {@value #TOPIC} with one partition unless it exists (an operator's step; the relay creates no topics). */
    public static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all()
                    .get(40, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + TOPIC + " on " + bootstrapServers + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within 40 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + TOPIC, e);
        }
    }
}
