package io.factum.bus;

import io.factum.event.EventEnvelope;

/**
 * One subscriber of one event class, linked to the subscriber after it, so that the
 * {@link SynchronousEventBus} can run all subscribers of an event with a single call.
 *
 * <p>The generated {@code <Handler>Subscribers} classes extend it with one final class per
 * {@code @Subscribe} method and event record, whose {@link #deliver} calls the handler method directly
 * and then {@code next().deliver(envelope)}. Because that second call is written in each generated
 * class, the JIT profiles it separately for each subscriber: it only ever sees the subscriber that
 * follows, so it can inline the whole chain into the publishing code, as if the methods were called
 * one after another by hand. A loop over handlers cannot be inlined that way: its one call site sees
 * every subscriber's class.
 *
 * <p>A link is also an ordinary {@link EventHandler}: {@link #handle} calls this subscriber alone,
 * which is how {@link AsyncEventBus} and other {@link EventBus} implementations use it.
 *
 * <p>Subclasses are meant to be generated. One written by hand must keep the contract the bus relies
 * on: it is immutable; {@link #handle} calls this subscriber only; {@link #deliver} is
 * {@code handleUnchecked(envelope); next().deliver(envelope);}, written in the subclass itself; and
 * {@link #withNext} returns the same subscriber linked to another next one.
 *
 * @param <E> the event record this subscriber receives
 */
public abstract class SubscriberLink<E> implements EventHandler<E> {

    private static final SubscriberLink<?> END = new End();

    private final String subscriberName;
    private final SubscriberLink<E> next;

    /**
     * @param subscriberName the name errors use, the same one the link is subscribed under
     * @param next           the subscriber after this one, {@link #end()} for none
     */
    protected SubscriberLink(String subscriberName, SubscriberLink<E> next) {
        if (subscriberName == null || subscriberName.isBlank()) {
            throw new IllegalArgumentException("subscriberName must not be null or blank: it names the subscriber in errors");
        }
        if (next == null) {
            throw new IllegalArgumentException("next of subscriber '" + subscriberName + "' must not be null;"
                    + " use SubscriberLink.end() for the last subscriber");
        }
        this.subscriberName = subscriberName;
        this.next = next;
    }

    private SubscriberLink() {
        this.subscriberName = "end of chain";
        this.next = null;
    }

    /** The link that ends every chain: delivering to it does nothing. */
    @SuppressWarnings("unchecked") // it never looks at the envelope, so it serves every event class
    public static <E> SubscriberLink<E> end() {
        return (SubscriberLink<E>) END;
    }

    /** The name this subscriber is known by in errors, e.g. {@code Notifications.onOrderPaid}. */
    public final String subscriberName() {
        return subscriberName;
    }

    /** The subscriber after this one; {@link #end()} after the last. */
    protected final SubscriberLink<E> next() {
        return next;
    }

    /** Calls this subscriber only, not the ones after it. */
    @Override
    public abstract void handle(EventEnvelope<E> envelope) throws Exception;

    /**
     * Calls this subscriber, then the ones after it, in order. The first exception stops the chain:
     * unchecked ones propagate unchanged, checked ones wrapped in a {@link SubscriberException} that
     * names the subscriber (see {@link #handleUnchecked}).
     */
    public abstract void deliver(EventEnvelope<E> envelope);

    /** This subscriber linked to {@code next} instead: a new link, since links are immutable. */
    protected abstract SubscriberLink<E> withNext(SubscriberLink<E> next);

    /**
     * {@link #handle}, with a checked exception wrapped in a {@link SubscriberException} naming this
     * subscriber and the event; unchecked exceptions and errors propagate unchanged.
     */
    protected final void handleUnchecked(EventEnvelope<E> envelope) {
        try {
            handle(envelope);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SubscriberException(subscriberName, envelope, e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + subscriberName + "]";
    }

    private static final class End extends SubscriberLink<Object> {
        @Override
        public void handle(EventEnvelope<Object> envelope) {
            // no subscriber
        }

        @Override
        public void deliver(EventEnvelope<Object> envelope) {
            // nothing after the last subscriber
        }

        @Override
        protected SubscriberLink<Object> withNext(SubscriberLink<Object> next) {
            throw new IllegalStateException("The end of a chain has no subscriber to link");
        }
    }
}
