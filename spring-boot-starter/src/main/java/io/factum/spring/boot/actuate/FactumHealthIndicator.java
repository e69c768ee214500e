package io.factum.spring.boot.actuate;

import io.factum.micrometer.HeadPosition;
import io.factum.spring.boot.FactumProperties;
import io.factum.spring.boot.subscription.SubscriptionReport;
import io.factum.subscription.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the subscriptions: {@code UP} while none has failed or parked events; otherwise
 * {@code factum.health.failed-status} (default {@code DOWN}) when one has FAILED, else
 * {@code factum.health.parked-status} (default {@code DOWN}) when one has parked events. Details: each
 * subscription's status, position, lag, parked events, mode, whether this instance is active, and failure.
 */
public final class FactumHealthIndicator implements HealthIndicator {

    private final List<Subscription> subscriptions;
    private final HeadPosition head;
    private final FactumProperties.Health properties;

    public FactumHealthIndicator(List<Subscription> subscriptions, HeadPosition head, FactumProperties.Health properties) {
        this.subscriptions = List.copyOf(subscriptions);
        this.head = head;
        this.properties = properties;
    }

    @Override
    public Health health() {
        List<SubscriptionReport> reports = SubscriptionReport.of(subscriptions, head);
        boolean failed = reports.stream().anyMatch(report -> Subscription.Status.FAILED.name().equals(report.status()));
        boolean parked = reports.stream().anyMatch(report -> report.parked() > 0);
        Health.Builder health = failed ? Health.status(properties.getFailedStatus())
                : parked ? Health.status(properties.getParkedStatus())
                : Health.up();
        Map<String, Object> details = new LinkedHashMap<>();
        for (SubscriptionReport report : reports) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", report.status());
            detail.put("position", report.position());
            detail.put("lag", report.lag());
            detail.put("parked", report.parked());
            detail.put("mode", report.mode());
            detail.put("active", report.active());
            if (report.failure() != null) {
                detail.put("failure", report.failure());
            }
            details.put(report.name(), detail);
        }
        return health.withDetail("subscriptions", details).build();
    }
}
