package io.factum.bus;

import io.factum.event.EventEnvelope;

/**
 * The link the {@link SynchronousEventBus} wraps a hand-written handler in, e.g. a lambda. It works like
 * a generated link, but its calls go through {@link EventHandler#handle} and through a {@code next}
 * call site shared by every hand-written subscriber, so the JIT cannot inline them.
 */
final class HandlerLink<E> extends SubscriberLink<E> {
    private final EventHandler<E> handler;

    HandlerLink(String subscriberName, EventHandler<E> handler, SubscriberLink<E> next) {
        super(subscriberName, next);
        this.handler = handler;
    }

    @Override
    public void handle(EventEnvelope<E> envelope) throws Exception {
        handler.handle(envelope);
    }

    @Override
    public void deliver(EventEnvelope<E> envelope) {
        handleUnchecked(envelope);
        next().deliver(envelope);
    }

    @Override
    protected SubscriberLink<E> withNext(SubscriberLink<E> next) {
        return new HandlerLink<>(subscriberName(), handler, next);
    }
}
