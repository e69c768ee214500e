package io.factum.subscription;

/** What a subscription does with an event it could not handle (after retries) or decode. */
public enum FailureAction {
    /** Stop before the event: the checkpoint stays before it and {@link Subscription#failure()} says why. The default. */
    STOP,
    /** Record the event in {@link ParkedEvents} and go on with the next one; {@link Subscription#retryParked()} retries it. */
    PARK
}
