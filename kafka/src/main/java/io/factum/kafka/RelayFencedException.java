package io.factum.kafka;

import io.factum.FactumException;

/**
 * Another relay with the same {@code transactional.id} started and fenced this one (Kafka bumped the producer
 * epoch): this relay can no longer commit. Whatever it had not committed was aborted; the new relay goes on from
 * the progress committed in Kafka. A relay polled by hand or in single-process mode stops; one in exclusive mode
 * stands by (the other instance holds the lease).
 */
public final class RelayFencedException extends FactumException {
    private static final long serialVersionUID = 1L;

    RelayFencedException(String relay, String transactionalId, Throwable cause) {
        super("Relay '" + relay + "' was fenced: another producer started with transactional.id '" + transactionalId
                + "'. This relay can no longer commit; the other one carries on from the progress committed in Kafka", cause);
    }
}
