package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.factum.aggregate.AggregateRepository;
import io.factum.micrometer.tracing.LinkingTracingObservationHandler;
import io.factum.spring.boot.sample.Ticket;
import io.factum.spring.boot.sample.TicketEvent;
import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.store.EventStore;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot's own Brave tracing: the append writes {@code traceparent} into the events' metadata, and
 * the subscription's handling span is a trace of its own that links to the append span (not its child).
 */
class TracingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, BraveAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, FactumAutoConfiguration.class,
                    FactumTracingAutoConfiguration.class))
            .withUserConfiguration(Traced.class)
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Configuration(proxyBeanMethods = false)
    static class Traced {
        final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SpanHandler collectingSpanHandler() {
            return new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            };
        }

        @Bean
        Subscription audit(FactumSubscriptions subscriptions) {
            return subscriptions.handler("audit", event -> { }).pollInterval(Duration.ofMillis(50)).build();
        }
    }

    @Test
    void theHandlingSpanLinksToTheAppendSpanAndStartsATraceOfItsOwn() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LinkingTracingObservationHandler.class);
            List<MutableSpan> finished = context.getBean(Traced.class).finished;
            @SuppressWarnings("unchecked")
            AggregateRepository<Ticket, TicketEvent> tickets =
                    (AggregateRepository<Ticket, TicketEvent>) context.getBean("factumRepository.Ticket");
            tickets.save(Ticket.open("T-1", "Printer on fire"));
            assertThat(context.getBean(Subscription.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

            MutableSpan append = finished.stream().filter(s -> "append memory".equals(s.name())).findFirst().orElseThrow();
            assertThat(context.getBean(EventStore.class).readStream("Ticket-T-1", 0, 1).get(0).metadata().headers())
                    .containsEntry("traceparent", "00-" + append.traceId() + "-" + append.id() + "-01");
            MutableSpan handle = finished.stream().filter(s -> "handle audit".equals(s.name())).findFirst().orElseThrow();
            assertThat(handle.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
            assertThat(handle.traceId()).isNotEqualTo(append.traceId());
            assertThat(handle.parentId()).isNull();
            assertThat(handle.tags()).containsEntry("links[0].traceId", append.traceId())
                    .containsEntry("links[0].spanId", append.id())
                    .containsEntry("subscription", "audit").containsEntry("event.type", "TicketOpened");
        });
    }

    @Test
    void withoutATracerThereIsNoLinkingHandler() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class, FactumTracingAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LinkingTracingObservationHandler.class));
    }
}
