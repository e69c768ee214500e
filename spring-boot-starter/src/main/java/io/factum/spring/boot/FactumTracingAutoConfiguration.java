package io.factum.spring.boot;

import io.factum.micrometer.tracing.LinkingTracingObservationHandler;
import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * With a Micrometer Tracing {@link Tracer} (Brave or OpenTelemetry, as Spring Boot configures them): the
 * handler that makes a subscription's handling span link to the append span instead of continuing its trace.
 * Ordered before Spring Boot's default tracing handler, which would otherwise take the handling observation
 * and give it no link. See docs/observability.md, "Traces".
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
public class FactumTracingAutoConfiguration {

    /** Before Spring Boot's tracing handlers (orders 1000, 2000 and near the lowest precedence). */
    public static final int LINKING_HANDLER_ORDER = 0;

    @Bean
    @ConditionalOnBean(Tracer.class)
    @ConditionalOnMissingBean
    @Order(LINKING_HANDLER_ORDER)
    public LinkingTracingObservationHandler factumLinkingTracingObservationHandler(Tracer tracer) {
        return new LinkingTracingObservationHandler(tracer);
    }
}
