package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs subscribers in the publishing thread, one after another in subscription order: the event
 * is handled inside the caller's unit of work (its transaction, if it has one).
 *
 * <p><b>Failures behave like a transaction.</b> The first subscriber that throws stops the
 * publish: later subscribers do not run and the exception reaches the caller. Unchecked
 * exceptions propagate unchanged, so the caller can catch its own exception types; checked ones
 * are wrapped in a {@link SubscriberException} naming the subscriber and the event. Subscribers
 * that already ran are not undone: keep them in the caller's transaction if that matters.
 *
 * <p>Thread-safe. Subscribing and unsubscribing copy a small array; publishing does one lookup
 * of the payload's exact class and calls the subscribers, without allocating. A publish sees
 * the subscribers present when it started. A subscriber may publish further events; they are
 * handled depth-first, before the outer publish continues.
 */
public final class SynchronousEventBus implements EventBus {

    private final SubscriberTable<Subscriber> subscribers = new SubscriberTable<>(Subscriber[]::new);
    private final Consumer<? super EventEnvelope<?>> onUnhandled;

    /** A bus on which publishing an event nobody subscribes to does nothing. */
    public SynchronousEventBus() {
        this(envelope -> {});
    }

    /**
     * A bus that passes every event without subscribers to {@code onUnhandled}, in the publishing
     * thread; e.g. to log them or to fail in tests. An exception it throws reaches the publisher.
     */
    public SynchronousEventBus(Consumer<? super EventEnvelope<?>> onUnhandled) {
        this.onUnhandled = Objects.requireNonNull(onUnhandled, "onUnhandled");
    }

    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        SubscriberTable.checkSubscription(subscriberName, eventClass, handler);
        Subscriber subscriber = new Subscriber(subscriberName, handler);
        subscribers.add(eventClass, subscriber);
        return () -> subscribers.remove(eventClass, subscriber);
    }

    /**
     * Calls every subscriber of the payload's class, in subscription order, in this thread.
     *
     * @throws SubscriberException when a subscriber throws a checked exception; an unchecked one
     *                             propagates as it is. Either way later subscribers do not run.
     */
    @Override
    public void publish(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        Subscriber[] targets = subscribers.get(envelope.payload().getClass());
        if (targets == null) {
            onUnhandled.accept(envelope);
            return;
        }
        for (Subscriber subscriber : targets) {
            subscriber.deliver(envelope);
        }
    }

    private static final class Subscriber {
        private final String name;
        private final EventHandler<Object> handler;

        @SuppressWarnings("unchecked") // the table only hands this subscriber payloads of its class
        Subscriber(String name, EventHandler<?> handler) {
            this.name = name;
            this.handler = (EventHandler<Object>) handler;
        }

        @SuppressWarnings("unchecked")
        void deliver(EventEnvelope<?> envelope) {
            try {
                handler.handle((EventEnvelope<Object>) envelope);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new SubscriberException(name, envelope, e);
            }
        }
    }
}
