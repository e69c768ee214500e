package io.factum.subscription;

import io.factum.event.EventEnvelope;
import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;

/**
 * Calls an {@link EnvelopeHandler} per event and saves the checkpoint after each batch (and
 * before stopping): at-least-once, since a crash between handling and saving repeats events.
 */
final class HandlerProcessor extends BatchProcessor {

    private final EnvelopeHandler handler;

    HandlerProcessor(DeliveryRules rules, EventStore store, EnvelopeHandler handler, CheckpointStore checkpoints,
            ParkedEvents parked) {
        super(rules, store, checkpoints, parked);
        this.handler = handler;
    }

    @Override
    long process(List<StoredEvent> batch, long checkpoint) {
        long done = checkpoint;
        try {
            for (StoredEvent event : batch) {
                handleOrPark(event);
                done = event.globalPosition();
            }
        } finally {
            // Also when stopping half-way: the events before the failing one stay handled.
            if (done != checkpoint) {
                saveCheckpoint(done);
            }
        }
        return done;
    }

    private void handleOrPark(StoredEvent event) {
        EventEnvelope<Object> envelope;
        try {
            envelope = rules.decode(event);
        } catch (DeliveryRules.Undecodable e) {
            if (rules.onUndecodable == FailureAction.PARK) {
                parkedEvents().park(rules.subscription, event, DeliveryRules.describe(e.reason()));
                return;
            }
            throw rules.undecodable(event, e.reason());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(envelope);
                return;
            } catch (Exception | Error e) { // an Error (say an AssertionError) is a failure too, as on the bus
                if (attempt < rules.retry.maxAttempts()) {
                    rules.pauseAfter(event, attempt);
                } else if (rules.onHandlerFailure == FailureAction.PARK) {
                    parkedEvents().park(rules.subscription, event, DeliveryRules.describe(e));
                    return;
                } else {
                    throw rules.handlerFailed(event, e, attempt);
                }
            }
        }
    }

    @Override
    Throwable redeliver(StoredEvent event) {
        try {
            handler.handle(rules.decode(event));
            parkedEvents().remove(rules.subscription, event.globalPosition());
            return null;
        } catch (DeliveryRules.Undecodable e) {
            return e.reason();
        } catch (Exception | Error e) {
            return e;
        }
    }
}
