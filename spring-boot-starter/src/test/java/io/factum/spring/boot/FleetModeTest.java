package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.store.Metadata;
import io.factum.spring.boot.sample.TicketOpened;
import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.spring.boot.subscription.SubscriptionsLifecycle;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's subscriptions use the store's fleet mode: on PostgreSQL two application instances (two Spring
 * contexts on one database) with the same subscription do not both deliver its events; one is active, the
 * other stands by and takes over when the first stops, with every event delivered exactly once.
 */
class FleetModeTest {

    private final String prefix = PostgresTestDatabase.uniquePrefix();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /** One application: the events' database, Factum, and a subscription "audit" recording what it handled. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FactumAutoConfiguration.class})
    static class AuditApplication {
        @Bean
        Handled handled() {
            return new Handled();
        }

        @Bean
        Subscription audit(FactumSubscriptions subscriptions, Handled handled) {
            return subscriptions.handler("audit", handled::add).pollInterval(Duration.ofMillis(50)).build();
        }
    }

    /** The event ids one instance's handler saw. */
    static final class Handled {
        private final List<String> eventIds = new CopyOnWriteArrayList<>();

        void add(EventEnvelope<Object> event) {
            eventIds.add(event.eventId().toString());
        }

        List<String> eventIds() {
            return eventIds;
        }
    }

    private ConfigurableApplicationContext start(String instance, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + PostgresTestDatabase.url(),
                "spring.datasource.hikari.maximum-pool-size=4", "factum.store.table-prefix=" + prefix,
                "factum.subscriptions.lease-duration=600ms", "factum.subscriptions.instance-id=" + instance));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).properties(all.toArray(new String[0])).run();
        contexts.add(context);
        return context;
    }

    @AfterEach
    void closeAndDropTables() {
        contexts.forEach(ConfigurableApplicationContext::close);
        PostgresTestDatabase.dropTables(PostgresTestDatabase.dataSource(), TableNames.withPrefix(prefix));
    }

    @Test
    void twoInstancesWithOneSubscriptionDeliverEachEventOnceAndTheStandbyTakesOverWhenTheOwnerStops() throws Exception {
        ConfigurableApplicationContext first = start("first");
        ConfigurableApplicationContext second = start("second");
        Subscription inFirst = first.getBean(SubscriptionsLifecycle.class).subscriptions().get(0);
        Subscription inSecond = second.getBean(SubscriptionsLifecycle.class).subscriptions().get(0);
        assertThat(inFirst.mode()).isEqualTo(SubscriptionMode.exclusive());
        assertThat(inSecond.mode()).isEqualTo(SubscriptionMode.exclusive());
        Handled handledByFirst = first.getBean(Handled.class);
        Handled handledBySecond = second.getBean(Handled.class);

        Set<String> appended = new HashSet<>(append(first, 0, 20));
        awaitTrue(() -> handledByFirst.eventIds().size() + handledBySecond.eventIds().size() >= 20);
        Thread.sleep(300); // several more polls of both: a second delivery would show now

        assertThat(inFirst.isActive() ^ inSecond.isActive()).as("exactly one instance holds the lease").isTrue();
        ConfigurableApplicationContext owner = inFirst.isActive() ? first : second;
        Handled handledByOwner = owner.getBean(Handled.class);
        Handled handledByStandby = owner == first ? handledBySecond : handledByFirst;
        assertThat(handledByOwner.eventIds()).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(handledByStandby.eventIds()).isEmpty();

        // the owner shuts down (saving its checkpoint); the standby takes the lease and goes on from there
        ConfigurableApplicationContext standby = owner == first ? second : first;
        Subscription inStandby = owner == first ? inSecond : inFirst;
        owner.close();
        Set<String> later = new HashSet<>(append(standby, 20, 10));
        awaitTrue(() -> handledByStandby.eventIds().size() >= 10);
        Thread.sleep(300);

        assertThat(inStandby.isActive()).isTrue();
        assertThat(handledByStandby.eventIds()).containsExactlyInAnyOrderElementsOf(later);
        assertThat(handledByOwner.eventIds()).containsExactlyInAnyOrderElementsOf(appended);
    }

    @Test
    void singleProcessModeIsConfigurable() {
        ConfigurableApplicationContext context = start("only", "factum.subscriptions.mode=single-process");
        Subscription audit = context.getBean(SubscriptionsLifecycle.class).subscriptions().get(0);
        assertThat(audit.mode()).isEqualTo(SubscriptionMode.singleProcess());
        assertThat(audit.instanceId()).isNull();
    }

    @Test
    void exclusiveModeOnTheInMemoryStoreFailsStartUpSayingWhatToConfigure() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class))
                .withUserConfiguration(InMemoryAudit.class)
                .withPropertyValues("factum.subscriptions.mode=exclusive")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable cause = context.getStartupFailure();
                    while (!(cause instanceof FactumConfigurationException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(FactumConfigurationException.class)
                            .hasMessageContaining("Subscription 'audit' is to run in exclusive mode")
                            .hasMessageContaining("the event store is in memory");
                    assertThat(((FactumConfigurationException) cause).action()).contains("factum.subscriptions.mode");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class InMemoryAudit {
        @Bean
        Subscription audit(FactumSubscriptions subscriptions) {
            return subscriptions.handler("audit", event -> { }).build();
        }
    }

    private static List<String> append(ConfigurableApplicationContext context, int from, int count) {
        EventStore store = context.getBean(EventStore.class);
        EventTypeRegistry registry = context.getBean(EventTypeRegistry.class);
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            var event = registry.encode(new TicketOpened("T-" + i, "ticket " + i), Metadata.empty());
            store.append("Ticket-T-" + i, ExpectedRevision.noStream(), List.of(event));
            ids.add(event.eventId().toString());
        }
        return ids;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
