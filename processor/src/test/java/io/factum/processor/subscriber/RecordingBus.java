package io.factum.processor.subscriber;

import io.factum.bus.EventBus;
import io.factum.bus.EventHandler;
import io.factum.bus.Registration;
import io.factum.event.EventEnvelope;
import java.util.ArrayList;
import java.util.List;

/** The simplest synchronous bus: subscribers by exact payload class, in subscription order. Test only. */
class RecordingBus implements EventBus {

    record Subscriber(String name, Class<?> eventClass, EventHandler<?> handler) {}

    final List<Subscriber> subscribers = new ArrayList<>();

    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        Subscriber subscriber = new Subscriber(subscriberName, eventClass, handler);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void publish(EventEnvelope<?> envelope) {
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            if (subscriber.eventClass() == envelope.payload().getClass()) {
                try {
                    ((EventHandler<Object>) subscriber.handler()).handle((EventEnvelope<Object>) envelope);
                } catch (Exception e) {
                    throw new IllegalStateException(subscriber.name() + " failed", e);
                }
            }
        }
    }

    List<String> names() {
        return subscribers.stream().map(s -> s.name() + " <- " + s.eventClass().getSimpleName()).toList();
    }
}
