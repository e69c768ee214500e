package io.factum.bus;

import io.factum.event.EventEnvelope;

/**
 * The bounded queue of an {@link AsyncSubscriber}: a ring buffer of deliveries, oldest first. Not
 * thread-safe: the subscriber's lock guards it.
 */
final class DeliveryQueue {

    /**
     * One accepted event; a redelivered dead letter travels next to its event, so that a repeated
     * failure updates the same letter.
     *
     * @param letter the dead letter being redelivered, or {@code null} for a fresh event
     */
    record Delivery(EventEnvelope<?> envelope, DeadLetter letter) {}

    private final Delivery[] ring;
    private int head;
    private int size;

    DeliveryQueue(int capacity) {
        this.ring = new Delivery[capacity];
    }

    boolean isFull() {
        return size == ring.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Adds at the end; the caller checked {@link #isFull()}. */
    void add(Delivery delivery) {
        ring[(head + size) % ring.length] = delivery;
        size++;
    }

    /** Takes the oldest; the caller checked {@link #isEmpty()}. */
    Delivery poll() {
        Delivery next = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        return next;
    }
}
