package io.factum.subscription;

import io.factum.event.EventEnvelope;
import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;

/**
 * Calls an {@link EnvelopeHandler} per event and saves the checkpoint by time while catching up
 * (see {@link CheckpointSaver}), at once after parking an event, and before a failure, a stop or
 * an interrupt ends a batch: at-least-once, since a crash between handling and saving repeats
 * events.
 */
final class HandlerProcessor extends BatchProcessor {

    private final EnvelopeHandler handler;
    private final Fence fence;

    HandlerProcessor(DeliveryRules rules, EventStore store, EnvelopeHandler handler, CheckpointSaver checkpoint,
            ParkedEvents parked, Fence fence) {
        super(rules, store, checkpoint, parked);
        this.handler = handler;
        this.fence = fence;
    }

    @Override
    long process(List<StoredEvent> batch, long after) {
        long done = after;
        try {
            for (StoredEvent event : batch) {
                if (!fence.mayDeliver()) {
                    // Paused past the lease: another instance may be delivering from the checkpoint already.
                    throw fence.pausedPastLease("delivery of position " + event.globalPosition() + " and after");
                }
                boolean parked = handleOrPark(event);
                done = event.globalPosition();
                if (parked) {
                    // Saved at once, so that a restart neither delivers nor parks it again.
                    checkpoint.save(done);
                }
            }
        } catch (RuntimeException | Error e) {
            // A failure, a stop or an interrupt ends the batch: the events before it stay handled.
            saveHandled(done, after, e);
            throw e;
        }
        checkpoint.handled(done);
        return done;
    }

    private void saveHandled(long done, long after, Throwable ending) {
        try {
            if (done != after) {
                checkpoint.handled(done);
            }
            checkpoint.saveUnsaved();
        } catch (RuntimeException saveFailed) {
            // Why the batch ended matters more. The position stays unsaved: this instance goes on from it and
            // saves it later; only a crash before that repeats the events.
            ending.addSuppressed(saveFailed);
        }
    }

    /** @return true when it parked the event, false when the handler took it */
    private boolean handleOrPark(StoredEvent event) {
        EventEnvelope<Object> envelope;
        try {
            envelope = rules.decode(event);
        } catch (DeliveryRules.Undecodable e) {
            if (rules.onUndecodable == FailureAction.PARK) {
                parkedEvents().park(rules.subscription, event, DeliveryRules.describe(e.reason()));
                return true;
            }
            throw rules.undecodable(event, e.reason());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(envelope);
                return false;
            } catch (Exception | Error e) { // an Error (say an AssertionError) is a failure too, as on the bus
                if (attempt < rules.retry.maxAttempts()) {
                    rules.pauseAfter(event, attempt);
                } else if (rules.onHandlerFailure == FailureAction.PARK) {
                    parkedEvents().park(rules.subscription, event, DeliveryRules.describe(e));
                    return true;
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
