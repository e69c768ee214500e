package io.factum.subscription;

import io.factum.event.EventEnvelope;
import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;

/**
 * Calls an {@link EnvelopeHandler} per event and saves the checkpoint after each batch (and
 * before stopping): at-least-once, since a crash between handling and saving repeats events.
 */
final class HandlerProcessor implements BatchProcessor {

    private final DeliveryRules rules;
    private final EventStore store;
    private final EnvelopeHandler handler;
    private final CheckpointStore checkpoints;
    private final ParkedEvents parked;

    HandlerProcessor(DeliveryRules rules, EventStore store, EnvelopeHandler handler, CheckpointStore checkpoints,
            ParkedEvents parked) {
        this.rules = rules;
        this.store = store;
        this.handler = handler;
        this.checkpoints = checkpoints;
        this.parked = parked;
    }

    @Override
    public long loadCheckpoint() {
        return checkpoints.load(rules.subscription);
    }

    @Override
    public void saveCheckpoint(long position) {
        checkpoints.save(rules.subscription, position);
    }

    @Override
    public long process(List<StoredEvent> batch, long checkpoint) {
        long done = checkpoint;
        try {
            for (StoredEvent event : batch) {
                handleOrPark(event);
                done = event.globalPosition();
            }
        } finally {
            // Also when stopping half-way: the events before the failing one stay handled.
            if (done != checkpoint) {
                checkpoints.save(rules.subscription, done);
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
                parked.park(rules.subscription, event, DeliveryRules.describe(e.reason()));
                return;
            }
            throw rules.undecodable(event, e.reason());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(envelope);
                return;
            } catch (Exception e) {
                if (attempt < rules.retry.maxAttempts()) {
                    rules.pauseAfter(attempt);
                } else if (rules.onHandlerFailure == FailureAction.PARK) {
                    parked.park(rules.subscription, event, DeliveryRules.describe(e));
                    return;
                } else {
                    throw rules.handlerFailed(event, e, attempt);
                }
            }
        }
    }

    @Override
    public int retryParked() {
        int handled = 0;
        for (ParkedEvent parkedEvent : parked.list(rules.subscription)) {
            StoredEvent event = DeliveryRules.readAt(store, parkedEvent.globalPosition());
            if (event == null) {
                continue;
            }
            try {
                handler.handle(rules.decode(event));
                parked.remove(rules.subscription, event.globalPosition());
                handled++;
            } catch (DeliveryRules.Undecodable e) {
                parked.park(rules.subscription, event, DeliveryRules.describe(e.reason()));
            } catch (Exception e) {
                parked.park(rules.subscription, event, DeliveryRules.describe(e));
            }
        }
        return handled;
    }

    @Override
    public ParkedEvents parkedEvents() {
        return parked;
    }
}
