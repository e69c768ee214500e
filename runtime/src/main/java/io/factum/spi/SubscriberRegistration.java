package io.factum.spi;

import io.factum.bus.EventBus;
import io.factum.bus.Registration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How to subscribe the {@code @Subscribe} methods of one handler class to a bus: the generated
 * {@code <Handler>Subscribers.REGISTRATION}, listed by {@link FactumModule#subscriberRegistrations()}.
 * An integration (the Spring Boot starter) finds the handler objects of {@link #handlerClass()} and
 * calls {@link #register(EventBus, Object)} for each, without reflection.
 *
 * @param handlerClass the class declaring the {@code @Subscribe} methods
 * @param registrar    the generated {@code <Handler>Subscribers::register}
 * @param <H>          the handler class
 */
public record SubscriberRegistration<H>(Class<H> handlerClass, BiFunction<EventBus, H, Registration> registrar) {

    public SubscriberRegistration {
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(registrar, "registrar");
    }

    /** Whether {@code candidate} is a handler this registration subscribes (an instance of {@link #handlerClass()}). */
    public boolean accepts(Object candidate) {
        return handlerClass.isInstance(candidate);
    }

    /**
     * Subscribes every {@code @Subscribe} method of {@code handler} to {@code bus}.
     *
     * @return a registration that unsubscribes them all
     * @throws IllegalArgumentException if {@code handler} is not an instance of {@link #handlerClass()}
     */
    public Registration register(EventBus bus, Object handler) {
        Objects.requireNonNull(bus, "bus");
        if (!accepts(handler)) {
            throw new IllegalArgumentException("Cannot subscribe " + (handler == null ? "null" : handler.getClass().getName())
                    + " with the registration of " + handlerClass.getName() + ": it is not an instance of it");
        }
        return registrar.apply(bus, handlerClass.cast(handler));
    }
}
