package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.aggregate.AggregateRepository;
import io.factum.spring.boot.sample.Ticket;
import io.factum.spring.boot.sample.TicketEvent;
import io.factum.spring.boot.sample.TicketLog;
import io.factum.store.EventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.store.jdbc.TableNames;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the real PostgreSQL: the store is built from the DataSource, and an append inside a Spring
 * transaction commits or rolls back with the transaction's own writes; subscribers hear of it only after
 * the commit.
 */
class PostgresTransactionTest {

    private final String prefix = PostgresTestDatabase.uniquePrefix();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    FactumAutoConfiguration.class))
            .withUserConfiguration(Handlers.class)
            .withPropertyValues("spring.datasource.url=" + PostgresTestDatabase.url(),
                    "spring.datasource.hikari.maximum-pool-size=4",
                    "factum.store.table-prefix=" + prefix);

    @Configuration(proxyBeanMethods = false)
    static class Handlers {
        @Bean
        TicketLog ticketLog() {
            return new TicketLog();
        }
    }

    @AfterEach
    void dropTables() {
        PostgresTestDatabase.dropTables(PostgresTestDatabase.dataSource(), TableNames.withPrefix(prefix));
        try (var connection = PostgresTestDatabase.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "notes");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void appendsJoinTheSpringTransactionRollBackWithItAndPublishOnlyAfterCommit() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FactumEventStores.class).raw()).isInstanceOf(PostgresEventStore.class);
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            EventStore store = context.getBean(EventStore.class);
            TicketLog log = context.getBean(TicketLog.class);
            jdbc.execute("CREATE TABLE " + prefix + "notes (ticket TEXT NOT NULL)");

            // rolled back: neither the handler's own row nor the events are stored, nobody hears of them
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO " + prefix + "notes (ticket) VALUES (?)", "T-1");
                tickets.save(Ticket.open("T-1", "Printer on fire"));
                assertThat(log.seen()).isEmpty();
                throw new IllegalStateException("command failed after saving");
            })).hasMessage("command failed after saving");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + prefix + "notes", Integer.class)).isZero();
            assertThat(store.streamRevision("Ticket-T-1")).isEqualTo(-1);
            assertThat(log.seen()).isEmpty();

            // committed: both, and the subscriber hears after the commit, not before
            transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO " + prefix + "notes (ticket) VALUES (?)", "T-1");
                tickets.save(Ticket.open("T-1", "Printer on fire"));
                assertThat(log.seen()).isEmpty();
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + prefix + "notes", Integer.class)).isEqualTo(1);
            assertThat(store.streamRevision("Ticket-T-1")).isZero();
            assertThat(log.seen()).containsExactly("TicketOpened T-1");

            // outside a transaction: the store's own transaction, published at once
            Ticket ticket = tickets.load("T-1");
            ticket.close();
            tickets.save(ticket);
            assertThat(log.seen()).containsExactly("TicketOpened T-1", "TicketClosed T-1");
            assertThat(store.readAll(0, 10)).extracting(event -> event.type()).containsExactlyElementsOf(
                    List.of("TicketOpened", "TicketClosed"));
        });
    }

    @Test
    void aSaveOfSeveralEventsInsideTheTransactionReadsItsOwnUncommittedEventsBackForTheirPositions() {
        runner.run(context -> {
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            TicketLog log = context.getBean(TicketLog.class);

            var committed = transaction.execute(status -> {
                Ticket ticket = Ticket.open("T-2", "Two events in one save");
                ticket.close();
                return tickets.save(ticket);
            });

            assertThat(committed).extracting(envelope -> envelope.streamRevision()).containsExactly(0L, 1L);
            assertThat(committed.get(1).globalPosition()).isGreaterThan(committed.get(0).globalPosition());
            assertThat(log.seen()).containsExactly("TicketOpened T-2", "TicketClosed T-2");
            assertThat(context.getBean(EventStore.class).readStream("Ticket-T-2", 0, 10)).extracting(e -> e.globalPosition())
                    .containsExactly(committed.get(0).globalPosition(), committed.get(1).globalPosition());
        });
    }
}
