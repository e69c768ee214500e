package io.factum.spring.boot.subscription;

import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.JdbcProjection;

/**
 * Wraps what {@link FactumSubscriptions} builds subscriptions on; the auto-configuration supplies one that
 * measures and traces (factum-micrometer's {@code ObservedHandlers}) when Micrometer is present.
 */
public interface HandlerDecorator {

    /** Decorates nothing. */
    HandlerDecorator NONE = new HandlerDecorator() {
        @Override
        public EnvelopeHandler handler(String subscription, EnvelopeHandler handler) {
            return handler;
        }

        @Override
        public JdbcProjection projection(String subscription, JdbcProjection projection) {
            return projection;
        }
    };

    EnvelopeHandler handler(String subscription, EnvelopeHandler handler);

    JdbcProjection projection(String subscription, JdbcProjection projection);
}
