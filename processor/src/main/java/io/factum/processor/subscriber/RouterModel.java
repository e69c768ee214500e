package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A valid {@code @EventRouter} interface: the handlers the generated router calls, in delivery order.
 *
 * @param routerInterface  the user's interface
 * @param router           the generated {@code <Interface>Router}
 * @param extendsPublisher whether the interface already extends {@code EventPublisher}
 * @param handlers         the listed handler classes, in the listed order
 */
public record RouterModel(ClassName routerInterface, ClassName router, boolean extendsPublisher, List<Handler> handlers) {

    /**
     * One listed handler class.
     *
     * @param field       the router's field (and constructor parameter) holding the instance
     * @param subscribers the handler's subscriptions, as {@code <Handler>Subscribers} registers them
     */
    public record Handler(String field, SubscriberModel subscribers) {}

    public RouterModel {
        handlers = List.copyOf(handlers);
    }
}
