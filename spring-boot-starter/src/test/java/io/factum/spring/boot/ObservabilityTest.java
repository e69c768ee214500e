package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.bus.RetryPolicy;
import io.factum.spring.boot.actuate.FactumActuatorAutoConfiguration;
import io.factum.spring.boot.actuate.FactumEndpoint;
import io.factum.spring.boot.actuate.FactumHealthIndicator;
import io.factum.spring.boot.sample.Ticket;
import io.factum.spring.boot.sample.TicketClosed;
import io.factum.spring.boot.sample.TicketEvent;
import io.factum.spring.boot.sample.TicketLog;
import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.spring.boot.subscription.SubscriptionReport;
import io.factum.subscription.FailureAction;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With a meter registry and an observation registry in the context, Factum reports metrics and
 * observations by itself; a subscription that fails at run time shows in health, the endpoint and the
 * metrics, and the context keeps running.
 */
class ObservabilityTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class, FactumActuatorAutoConfiguration.class))
            .withUserConfiguration(Observability.class)
            .withPropertyValues("management.endpoints.web.exposure.include=health,factum");

    @Configuration(proxyBeanMethods = false)
    static class Observability {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

        @Bean
        TicketLog ticketLog() {
            return new TicketLog();
        }

        /** Fails at run time, once a ticket is closed. */
        @Bean
        Subscription closings(FactumSubscriptions subscriptions) {
            return refusingClosedTickets(subscriptions, "closings", FailureAction.STOP);
        }
    }

    @Test
    void metricsAndObservationsOfAppendsPublishesAndSubscriptionsAppearByNameAndValue() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            tickets.save(Ticket.open("T-1", "Printer on fire"));
            tickets.save(Ticket.open("T-2", "Coffee machine"));
            Subscription closings = context.getBean(Subscription.class);
            assertThat(closings.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("factum.store.append").tags("store", "memory", "outcome", "success").timer().count()).isEqualTo(2);
            assertThat(meters.get("factum.store.append.events").summary().totalAmount()).isEqualTo(2);
            assertThat(meters.get("factum.bus.published").tags("bus", "sync", "event.type", "TicketOpened").counter().count())
                    .isEqualTo(2);
            assertThat(meters.get("factum.subscription.handle").tags("subscription", "closings", "outcome", "success")
                    .timer().count()).isEqualTo(2);
            assertThat(meters.get("factum.subscription.lag").tags("subscription", "closings").gauge().value()).isZero();
            assertThat(meters.get("factum.subscription.status").tags("subscription", "closings", "status", "RUNNING")
                    .gauge().value()).isEqualTo(1);

            TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
            TestObservationRegistryAssert.assertThat(observations)
                    .hasNumberOfObservationsWithNameEqualTo("factum.append", 2)
                    .hasNumberOfObservationsWithNameEqualTo("factum.handle", 2)
                    .forAllObservationsWithNameEqualTo("factum.handle", observation -> observation
                            .hasLowCardinalityKeyValue("subscription", "closings")
                            .hasLowCardinalityKeyValue("event.type", "TicketOpened"));

            tickets.load("T-1");
            tickets.load("T-2");
            assertThat(tickets.find("T-9")).isEmpty();
            assertThat(meters.get("factum.aggregate.load").tags("aggregate", "Ticket", "outcome", "found").timer().count())
                    .isEqualTo(2);
            assertThat(meters.get("factum.aggregate.load").tags("aggregate", "Ticket", "outcome", "absent").timer().count())
                    .isEqualTo(1);
            assertThat(meters.get("factum.aggregate.load.events").tags("aggregate", "Ticket").summary().totalAmount())
                    .isEqualTo(2); // one event each

            Health health = context.getBean(FactumHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aSubscriptionFailingAtRunTimeIsDownInHealthAndFailedInMetricsWhileTheContextRuns() {
        runner.run(context -> {
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            Ticket ticket = Ticket.open("T-1", "Printer on fire");
            ticket.close();
            tickets.save(ticket);
            Subscription closings = context.getBean(Subscription.class);
            assertThat(closings.awaitCaughtUp(Duration.ofSeconds(10))).isFalse();
            assertThat(closings.status()).isEqualTo(Subscription.Status.FAILED);

            assertThat(context.isRunning()).isTrue();
            assertThat(context.getBean(TicketLog.class).seen()).containsExactly("TicketOpened T-1", "TicketClosed T-1");

            Health health = context.getBean(FactumHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> details = (Map<String, Map<String, Object>>) health.getDetails().get("subscriptions");
            assertThat(details.get("closings")).containsEntry("status", "FAILED").containsEntry("position", 1L)
                    .containsEntry("lag", 1L).containsEntry("parked", 0);
            assertThat((String) details.get("closings").get("failure")).contains("cannot handle a closed ticket");

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("factum.subscription.status").tags("subscription", "closings", "status", "FAILED")
                    .gauge().value()).isEqualTo(1);
            assertThat(meters.get("factum.subscription.handle").tags("subscription", "closings", "outcome", "failure")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get("factum.subscription.lag").tags("subscription", "closings").gauge().value()).isEqualTo(1);

            SubscriptionReport report = context.getBean(FactumEndpoint.class).subscriptions().subscriptions().get(0);
            assertThat(report.name()).isEqualTo("closings");
            assertThat(report.status()).isEqualTo("FAILED");
            assertThat(report.lag()).isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Parking {
        /** Parks what it cannot handle and goes on. */
        @Bean
        Subscription parking(FactumSubscriptions subscriptions) {
            return refusingClosedTickets(subscriptions, "parking", FailureAction.PARK);
        }
    }

    /** A subscription whose handler throws for every TicketClosed, without retrying. */
    static Subscription refusingClosedTickets(FactumSubscriptions subscriptions, String name, FailureAction onFailure) {
        return subscriptions.handler(name, event -> {
                    if (event.payload() instanceof TicketClosed) {
                        throw new IllegalStateException("cannot handle a closed ticket");
                    }
                })
                .retry(RetryPolicy.noRetry())
                .onHandlerFailure(onFailure)
                .pollInterval(Duration.ofMillis(20))
                .build();
    }

    @Test
    void aSubscriptionWithParkedEventsHasTheParkedStatusAndKeepsRunning() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class, FactumActuatorAutoConfiguration.class))
                .withUserConfiguration(Parking.class)
                .withPropertyValues("factum.health.parked-status=WARNING")
                .run(context -> {
                    @SuppressWarnings("unchecked")
                    AggregateRepository<Ticket, TicketEvent> tickets =
                            (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
                    Ticket ticket = Ticket.open("T-1", "x");
                    ticket.close();
                    tickets.save(ticket);
                    tickets.save(Ticket.open("T-2", "y"));
                    Subscription parking = context.getBean(Subscription.class);
                    assertThat(parking.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
                    assertThat(parking.status()).isEqualTo(Subscription.Status.RUNNING);

                    Health health = context.getBean(FactumHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(new Status("WARNING"));
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> details =
                            (Map<String, Map<String, Object>>) health.getDetails().get("subscriptions");
                    assertThat(details.get("parking")).containsEntry("parked", 1).containsEntry("position", 3L)
                            .containsEntry("lag", 0L);
                });
    }

    @Test
    void theFailedStatusIsConfigurable() {
        runner.withPropertyValues("factum.health.failed-status=OUT_OF_SERVICE").run(context -> {
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            Ticket ticket = Ticket.open("T-1", "x");
            ticket.close();
            tickets.save(ticket);
            assertThat(context.getBean(Subscription.class).awaitCaughtUp(Duration.ofSeconds(10))).isFalse();
            assertThat(context.getBean(FactumHealthIndicator.class).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }
}
