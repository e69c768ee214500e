package io.factum.kafka;

import io.factum.FactumException;

/** The relay's topic choice gave a name Kafka does not accept; the relay stops before the event, nothing is skipped. */
public final class InvalidRelayTopicException extends FactumException {
    private static final long serialVersionUID = 1L;

    InvalidRelayTopicException(String message) {
        super(message);
    }
}
