package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.GeneratedNames;
import java.util.List;

/**
 * A valid handler class: every (method, event record) pair to subscribe, in declaration order.
 *
 * @param handler       the handler class
 * @param subscriptions one per event record a {@code @Subscribe} method receives
 */
public record SubscriberModel(ClassName handler, List<Subscription> subscriptions) {

    /** How the envelope reaches a method that takes one as its second parameter. */
    public enum EnvelopeArgument {
        /** The method takes only the event. */
        NONE,
        /** {@code EventEnvelope<Record>} or a wildcard: the bus's envelope fits as it is. */
        AS_IS,
        /** {@code EventEnvelope<Family>} for a family method: the member's envelope is widened to the family. */
        WIDENED
    }

    /**
     * {@code bus.subscribe(name, event.class, link)}, where the link calls
     * {@code handler.method(envelope.payload()[, envelope])}.
     *
     * @param name          the subscriber name the bus uses in errors and dead letters
     * @param method        the handler method
     * @param event         the event record subscribed to
     * @param envelope      whether and how the envelope is passed
     * @param family        the method's declared event type (the family for a family subscription)
     * @param throwsChecked whether the method declares checked exceptions
     */
    public record Subscription(String name, String method, ClassName event, EnvelopeArgument envelope, ClassName family,
            boolean throwsChecked) {}

    public SubscriberModel {
        subscriptions = List.copyOf(subscriptions);
    }

    /** The generated {@code <Handler>Subscribers}. */
    public ClassName subscribersClass() {
        return GeneratedNames.subscribersOf(handler);
    }
}
