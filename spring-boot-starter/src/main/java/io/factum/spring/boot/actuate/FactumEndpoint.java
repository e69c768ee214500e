package io.factum.spring.boot.actuate;

import io.factum.micrometer.HeadPosition;
import io.factum.spring.boot.subscription.SubscriptionReport;
import io.factum.subscription.Subscription;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/factum}: every subscription with its status, position, lag, parked events and failure. */
@Endpoint(id = "factum")
public class FactumEndpoint {

    private final List<Subscription> subscriptions;
    private final HeadPosition head;

    public FactumEndpoint(List<Subscription> subscriptions, HeadPosition head) {
        this.subscriptions = List.copyOf(subscriptions);
        this.head = head;
    }

    /** What the endpoint answers. */
    public record Report(List<SubscriptionReport> subscriptions) {}

    @ReadOperation
    public Report subscriptions() {
        return new Report(SubscriptionReport.of(subscriptions, head));
    }
}
