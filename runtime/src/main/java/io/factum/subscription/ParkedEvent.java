package io.factum.subscription;

import java.time.Instant;

/**
 * An event a subscription could not handle and set aside, so that it could go on with the
 * events after it. {@link Subscription#retryParked()} delivers parked events again.
 *
 * @param subscription   the subscription that parked it
 * @param globalPosition where the event is stored
 * @param streamId       its stream
 * @param streamRevision its revision in the stream
 * @param type           its stored type name
 * @param error          why it could not be handled
 * @param parkedAt       when it was parked
 */
public record ParkedEvent(
        String subscription, long globalPosition, String streamId, long streamRevision, String type, String error, Instant parkedAt) {}
