package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.bus.AsyncEventBus;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventTypeRegistry;
import io.factum.spring.boot.sample.Ticket;
import io.factum.spring.boot.sample.TicketEvent;
import io.factum.spring.boot.sample.TicketLog;
import io.factum.spring.boot.sample.TicketOpened;
import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.spring.boot.subscription.SubscriberBeans;
import io.factum.store.EventStore;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.subscription.Subscription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/** The beans without a DataSource: in-memory store, registry, bus, repositories, subscribers, subscriptions. */
class FactumAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class Handlers {
        @Bean
        TicketLog ticketLog() {
            return new TicketLog();
        }
    }

    @Test
    void withoutADataSourceTheStoreIsInMemoryAndARepositoryPerAggregateIsInjectableByGenericType() {
        runner.withUserConfiguration(Handlers.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FactumEventStores.class).raw()).isInstanceOf(InMemoryEventStore.class);
            assertThat(context.getBean(EventTypeRegistry.class).typeOf(TicketOpened.class).name()).isEqualTo("TicketOpened");
            assertThat(context.getBean(FactumEventBuses.class).raw()).isInstanceOf(SynchronousEventBus.class);

            ResolvableType type = ResolvableType.forClassWithGenerics(AggregateRepository.class, Ticket.class, TicketEvent.class);
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBeanProvider(type).getObject();
            assertThat(context.getBeanNamesForType(type)).containsExactly("factumRepository.Ticket");

            Ticket ticket = Ticket.open("T-1", "Printer on fire");
            tickets.save(ticket);
            Ticket loaded = tickets.load("T-1");
            loaded.close();
            tickets.save(loaded);

            assertThat(context.getBean(EventStore.class).readStream("Ticket-T-1", 0, 10)).hasSize(2);
            // the @Subscribe bean was subscribed through the generated registration and got both, in order
            assertThat(context.getBean(TicketLog.class).seen()).containsExactly("TicketOpened T-1", "TicketClosed T-1");
            assertThat(context.getBean(SubscriberBeans.class).subscribedBeans()).containsExactly("ticketLog");
        });
    }

    @Test
    void theBusIsAsynchronousByProperty() {
        runner.withUserConfiguration(Handlers.class).withPropertyValues("factum.bus.type=async").run(context -> {
            AsyncEventBus bus = (AsyncEventBus) context.getBean(FactumEventBuses.class).raw();
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets = (AggregateRepository<Ticket, TicketEvent>) context
                    .getBean("factumRepository.Ticket");
            tickets.save(Ticket.open("T-2", "Coffee machine"));
            assertThat(bus.awaitIdle(java.time.Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(TicketLog.class).seen()).containsExactly("TicketOpened T-2");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OneSubscription {
        @Bean
        Subscription audit(FactumSubscriptions subscriptions) {
            return subscriptions.handler("audit", event -> {}).pollInterval(java.time.Duration.ofMillis(20)).build();
        }
    }

    @Test
    void subscriptionBeansRunWithTheContextAndStopWithIt() {
        Subscription[] kept = new Subscription[1];
        runner.withUserConfiguration(OneSubscription.class).run(context -> {
            kept[0] = context.getBean(Subscription.class);
            assertThat(kept[0].status()).isEqualTo(Subscription.Status.RUNNING);
            assertThat(kept[0].awaitCaughtUp(java.time.Duration.ofSeconds(10))).isTrue();
        });
        assertThat(kept[0].status()).isEqualTo(Subscription.Status.STOPPED);
    }
}
