package io.factum.bus;

/**
 * Publishes recorded events to subscribers by event class.
 *
 * <p>Two implementations: {@link SynchronousEventBus} runs subscribers in the publishing thread,
 * inside the caller's unit of work; {@link AsyncEventBus} queues events per subscriber and runs
 * them on an executor, with retries and dead letters.
 *
 * <p>Generated code ({@code <Handler>Subscribers.register(bus, handler)}) calls
 * {@link #subscribe} once per event class a {@code @Subscribe} method accepts, with a
 * {@link SubscriberLink} that calls the method directly; a method that takes a sealed family is
 * subscribed to each member record.
 *
 * <p>Publishing ({@link #publish}, {@link #publishEvent}, {@link #publishEvents}) is declared by
 * {@link EventPublisher}, which a generated compile-time router implements too.
 */
public interface EventBus extends EventPublisher {

    /**
     * Subscribes {@code handler} to events whose payload class is exactly {@code eventClass}.
     *
     * @param subscriberName stable name used in errors and dead letters, e.g. {@code Notifications.onOrderPaid}
     * @return the subscription; closing it unsubscribes
     * @throws IllegalArgumentException if an argument is null, the name is blank, or {@code eventClass}
     *                                  is an interface (lookup is by exact class, so it would never match)
     */
    <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler);
}
