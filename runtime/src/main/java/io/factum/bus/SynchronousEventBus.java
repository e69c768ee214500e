package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Thread-safe. A publish sees the subscribers present when it started. A subscriber may
 * publish further events; they are handled depth-first, before the outer publish continues.
 *
 * <p><b>How it dispatches.</b> The subscribers of each event class form immutable chains of
 * {@link SubscriberLink}s, each link calling its subscriber and then the next link. Publishing
 * looks up the payload's exact class once and calls the head of the chain, without allocating;
 * generated registrations link classes of their own, so the JIT can inline the whole chain (see
 * {@link SubscriberLink}). A handler subscribed by hand (a lambda) is wrapped in a link that calls
 * it through {@link EventHandler#handle}, which works the same but cannot be inlined. Subscribing
 * and unsubscribing rebuild the affected chain under a lock; a chain holds at most
 * {@value #CHAIN_LENGTH} subscribers, and a class with more gets several chains called in turn,
 * so neither the stack depth of a publish nor the cost of a change grows with the subscriber count.
 *
 * <p><b>Publishing one event class often.</b> Where the event class is known at the call site,
 * {@link #publisher(Class)} returns a {@link Publisher} bound to it, which skips the lookup of the
 * payload's class: what is left is a read of the current chain and the (inlined) subscriber calls.
 */
public final class SynchronousEventBus implements EventBus {

    /**
     * Subscribers per chain: enough for an event class's usual subscribers to form one chain that
     * the JIT inlines (its inlining depth limit, 15 levels in JDK 17, leaves room for about this
     * many), few enough that a chain's recursion never threatens the stack.
     */
    static final int CHAIN_LENGTH = 8;

    /**
     * The route of each event class that was ever subscribed to or bound to a {@link Publisher}; what
     * {@link #publish} looks up. Routes are kept when their last subscriber leaves, so a publisher
     * bound earlier sees later subscribers: one small object per event class.
     */
    private final ConcurrentHashMap<Class<?>, Route> routes = new ConcurrentHashMap<>();
    /** Each subscription's own link (not linked to a next one), in subscription order; guarded by {@link #lock}. */
    private final Map<Class<?>, SubscriberLink<Object>[]> subscriptions = new HashMap<>();
    private final Object lock = new Object();
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

    /**
     * {@inheritDoc}
     *
     * <p>A {@link SubscriberLink} (what generated registrations pass) joins the chain as it is, so
     * that it can be inlined; any other handler, or a link named differently from
     * {@code subscriberName}, is wrapped in a link that calls {@link EventHandler#handle}.
     */
    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        SubscriberTable.checkSubscription(subscriberName, eventClass, handler);
        SubscriberLink<Object> subscription = erase(ownLink(subscriberName, handler));
        synchronized (lock) {
            SubscriberLink<Object>[] current = subscriptions.getOrDefault(eventClass, newArray(0));
            SubscriberLink<Object>[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = subscription;
            update(eventClass, grown, current.length);
        }
        return () -> unsubscribe(eventClass, subscription);
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
        Route route = routes.get(envelope.payload().getClass());
        if (route == null) {
            onUnhandled.accept(envelope);
            return;
        }
        route.deliver(envelope);
    }

    /**
     * A publisher bound to {@code eventClass}: its {@link Publisher#publish} does what
     * {@link #publish} does for envelopes of that class, without looking their class up. It follows
     * every later subscribe and unsubscribe on this bus for that class.
     *
     * @throws IllegalArgumentException if {@code eventClass} is null or not an event record class
     *                                  (an interface, e.g. a sealed family, never matches a payload's exact class)
     */
    public <E> Publisher<E> publisher(Class<E> eventClass) {
        SubscriberTable.checkPublisherClass(eventClass);
        return new Publisher<>(eventClass, routes.computeIfAbsent(eventClass, key -> new Route()));
    }

    /**
     * A link of this subscription alone, not shared with any other: a copy of a generated link, so
     * that closing one registration never removes another subscription of the same link.
     */
    private static <E> SubscriberLink<E> ownLink(String subscriberName, EventHandler<E> handler) {
        if (handler instanceof SubscriberLink<E> link && link != SubscriberLink.<E>end()
                && link.subscriberName().equals(subscriberName)) {
            return link.withNext(SubscriberLink.end());
        }
        return new HandlerLink<>(subscriberName, handler, SubscriberLink.end());
    }

    private void unsubscribe(Class<?> eventClass, SubscriberLink<Object> subscription) {
        synchronized (lock) {
            SubscriberLink<Object>[] current = subscriptions.get(eventClass);
            int index = current == null ? -1 : indexOf(current, subscription);
            if (index < 0) {
                return; // closed before
            }
            SubscriberLink<Object>[] shrunk = newArray(current.length - 1);
            System.arraycopy(current, 0, shrunk, 0, index);
            System.arraycopy(current, index + 1, shrunk, index, current.length - index - 1);
            update(eventClass, shrunk, index);
        }
    }

    /**
     * Installs {@code subscribers} for {@code eventClass}, relinking the chains from the one that holds
     * position {@code changedFrom} on; the chains before it are unchanged and kept. Caller holds the lock.
     */
    private void update(Class<?> eventClass, SubscriberLink<Object>[] subscribers, int changedFrom) {
        Route route = routes.computeIfAbsent(eventClass, key -> new Route());
        if (subscribers.length == 0) {
            subscriptions.remove(eventClass);
            route.heads = null;
            return;
        }
        SubscriberLink<Object>[] old = route.heads == null ? newArray(0) : route.heads;
        int keep = Math.min(changedFrom / CHAIN_LENGTH, old.length);
        SubscriberLink<Object>[] heads = Arrays.copyOf(old, (subscribers.length + CHAIN_LENGTH - 1) / CHAIN_LENGTH);
        for (int chain = keep; chain < heads.length; chain++) {
            int from = chain * CHAIN_LENGTH;
            heads[chain] = link(subscribers, from, Math.min(from + CHAIN_LENGTH, subscribers.length));
        }
        subscriptions.put(eventClass, subscribers);
        route.heads = heads;
    }

    /** {@code subscribers[from]} → ... → {@code subscribers[to - 1]} → end, built from the last one back. */
    private static SubscriberLink<Object> link(SubscriberLink<Object>[] subscribers, int from, int to) {
        SubscriberLink<Object> head = subscribers[to - 1]; // its next is already the end
        for (int i = to - 2; i >= from; i--) {
            SubscriberLink<Object> linked = subscribers[i].withNext(head);
            if (linked == null) {
                throw new IllegalStateException(subscribers[i].getClass().getName() + ".withNext returned null for"
                        + " subscriber '" + subscribers[i].subscriberName() + "'");
            }
            head = linked;
        }
        return head;
    }

    private static int indexOf(Object[] subscribers, Object subscriber) {
        for (int i = 0; i < subscribers.length; i++) {
            if (subscribers[i] == subscriber) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked") // chains only hold links of the class they are looked up by
    private static SubscriberLink<Object>[] newArray(int length) {
        return (SubscriberLink<Object>[]) new SubscriberLink<?>[length];
    }

    @SuppressWarnings("unchecked") // the link is only ever given envelopes of its own event class
    private static SubscriberLink<Object> erase(SubscriberLink<?> link) {
        return (SubscriberLink<Object>) link;
    }

    @SuppressWarnings("unchecked") // routed by the payload's exact class to links of that class only
    private static EventEnvelope<Object> erase(EventEnvelope<?> envelope) {
        return (EventEnvelope<Object>) envelope;
    }

    /** The subscribers of one event class: the heads of its chains, replaced as a whole on every change. */
    private final class Route {
        /** {@code null} while the class has no subscribers; written under the bus's lock. */
        volatile SubscriberLink<Object>[] heads;

        void deliver(EventEnvelope<?> envelope) {
            SubscriberLink<Object>[] current = heads;
            if (current == null) {
                onUnhandled.accept(envelope);
                return;
            }
            EventEnvelope<Object> routed = erase(envelope);
            for (SubscriberLink<Object> head : current) {
                head.deliver(routed);
            }
        }
    }

    /**
     * Publishes envelopes of one event class on its bus without looking the class up; made by
     * {@link SynchronousEventBus#publisher(Class)}. Thread-safe; as cheap to keep as a reference.
     *
     * @param <E> the event record class it publishes
     */
    public static final class Publisher<E> {
        private final Class<E> eventClass;
        private final SynchronousEventBus.Route route;

        private Publisher(Class<E> eventClass, SynchronousEventBus.Route route) {
            this.eventClass = eventClass;
            this.route = route;
        }

        /** The event record class this publisher is bound to. */
        public Class<E> eventClass() {
            return eventClass;
        }

        /**
         * Calls every subscriber of the bound class, in subscription order, in this thread, exactly as
         * {@link SynchronousEventBus#publish} does.
         *
         * @throws IllegalArgumentException if the payload's class is not exactly the bound class (a
         *                                  subclass would reach subscribers of another class's route)
         * @throws SubscriberException      when a subscriber throws a checked exception
         */
        public void publish(EventEnvelope<? extends E> envelope) {
            Objects.requireNonNull(envelope, "envelope");
            if (envelope.payload().getClass() != eventClass) {
                throw new IllegalArgumentException("A publisher of " + eventClass.getName() + " cannot publish a "
                        + envelope.payload().getClass().getName() + " (event " + envelope.eventId()
                        + "); use SynchronousEventBus.publish or that class's own publisher");
            }
            route.deliver(envelope);
        }

        /** Publishes an event that was never stored, wrapped by {@link LocalEnvelopes#of(Object)}. */
        public void publishEvent(E event) {
            publish(LocalEnvelopes.of(event));
        }

        @Override
        public String toString() {
            return "Publisher[" + eventClass.getName() + "]";
        }
    }
}
