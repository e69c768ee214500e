package io.factum.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventTypeRegistry;
import io.factum.spring.boot.FactumEventStores;
import io.factum.spring.boot.sample.Ticket;
import io.factum.spring.boot.sample.TicketClosed;
import io.factum.spring.boot.sample.TicketEvent;
import io.factum.spring.boot.sample.TicketOpened;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@code @SpringBootTest} of an application that has a PostgreSQL DataSource runs on the in-memory store
 * with {@link FactumInMemoryStore}, injects its repositories by generic type, and tests an aggregate with
 * {@link FactumFixtures}.
 */
@SpringBootTest(classes = SpringBootTestSupportTest.App.class)
@FactumInMemoryStore
class SpringBootTestSupportTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", PostgresTestDatabase::url);
    }

    @Autowired
    AggregateRepository<Ticket, TicketEvent> tickets;

    @Autowired
    EventTypeRegistry registry;

    @Autowired
    FactumEventStores stores;

    @Test
    void theStoreIsInMemoryAndRepositoriesAreInjectedByGenericType() {
        assertThat(stores.raw()).isInstanceOf(InMemoryEventStore.class);
        tickets.save(Ticket.open("T-1", "Printer on fire"));
        assertThat(tickets.load("T-1").id()).isEqualTo("T-1");
    }

    @Test
    void anAggregateFixtureOfTheContextsRepository() {
        FactumFixtures.of(tickets, registry)
                .given(new TicketOpened("T-9", "Coffee machine"))
                .when(Ticket::close)
                .expectEvents(new TicketClosed("T-9"))
                .expectState(ticket -> assertThat(ticket.isClosed()).isTrue());
    }
}
