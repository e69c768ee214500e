package io.factum.bus;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Subscribers by exact event class, for the {@link AsyncEventBus}; its argument checks are shared by
 * both buses ({@link SynchronousEventBus} keeps chains of {@link SubscriberLink}s instead).
 *
 * <p>Each class maps to an immutable array that is replaced (copied) on subscribe and unsubscribe.
 * Publishing is then one hash lookup on the payload's class plus an array walk: no allocation, no
 * list scan, no lock. Lookup is by exact class because event records are final and generated
 * registrations expand sealed families to their member records at compile time.
 */
final class SubscriberTable<S> {

    private final ConcurrentHashMap<Class<?>, S[]> byClass = new ConcurrentHashMap<>();
    private final IntFunction<S[]> newArray;

    SubscriberTable(IntFunction<S[]> newArray) {
        this.newArray = newArray;
    }

    /** The subscribers of exactly {@code eventClass}, in subscription order; {@code null} when there are none. */
    S[] get(Class<?> eventClass) {
        return byClass.get(eventClass);
    }

    /**
     * Checks the arguments of {@link EventBus#subscribe}: a named subscriber of a concrete event class.
     * Interfaces are refused because lookup is by exact class, so such a subscriber would never run.
     */
    static void checkSubscription(String subscriberName, Class<?> eventClass, EventHandler<?> handler) {
        if (subscriberName == null || subscriberName.isBlank()) {
            throw new IllegalArgumentException("subscriberName must not be null or blank: it names the subscriber"
                    + " in errors, metrics and dead letters");
        }
        if (eventClass == null) {
            throw new IllegalArgumentException("eventClass of subscriber '" + subscriberName + "' must not be null");
        }
        if (handler == null) {
            throw new IllegalArgumentException("handler of subscriber '" + subscriberName + "' must not be null");
        }
        if (isNotARecordClass(eventClass)) {
            throw new IllegalArgumentException("Subscriber '" + subscriberName + "' subscribes to " + eventClass.getName()
                    + ", which is not an event record class; buses match the payload's exact class, so subscribe"
                    + " to each member record of a family (generated registrations do this for sealed families)");
        }
    }

    /** Checks the argument of {@link SynchronousEventBus#publisher}: a concrete event class. */
    static void checkPublisherClass(Class<?> eventClass) {
        if (eventClass == null) {
            throw new IllegalArgumentException("eventClass of a publisher must not be null");
        }
        if (isNotARecordClass(eventClass)) {
            throw new IllegalArgumentException("Cannot bind a publisher to " + eventClass.getName() + ", which is not an"
                    + " event record class; buses match the payload's exact class, so bind one publisher per member"
                    + " record of a family");
        }
    }

    private static boolean isNotARecordClass(Class<?> eventClass) {
        return eventClass.isInterface() || eventClass.isPrimitive() || eventClass.isArray();
    }

    void add(Class<?> eventClass, S subscriber) {
        byClass.compute(eventClass, (key, current) -> {
            if (current == null) {
                S[] single = newArray.apply(1);
                single[0] = subscriber;
                return single;
            }
            S[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = subscriber;
            return grown;
        });
    }

    /** Removes {@code subscriber} (by identity); returns whether it was subscribed. */
    boolean remove(Class<?> eventClass, S subscriber) {
        boolean[] removed = {false};
        byClass.computeIfPresent(eventClass, (key, current) -> {
            int index = indexOf(current, subscriber);
            if (index < 0) {
                return current;
            }
            removed[0] = true;
            if (current.length == 1) {
                return null;
            }
            S[] shrunk = newArray.apply(current.length - 1);
            System.arraycopy(current, 0, shrunk, 0, index);
            System.arraycopy(current, index + 1, shrunk, index, current.length - index - 1);
            return shrunk;
        });
        return removed[0];
    }

    private static int indexOf(Object[] subscribers, Object subscriber) {
        for (int i = 0; i < subscribers.length; i++) {
            if (subscribers[i] == subscriber) {
                return i;
            }
        }
        return -1;
    }
}
