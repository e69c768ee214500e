package io.factum.example.app;

import io.factum.subscription.Subscription;

/**
 * A command was stored, but a reaction to it did not finish: a subscription stopped at an event it
 * could not handle, or did not catch up in time. Nothing is lost: the subscription resumes from its
 * checkpoint on the next run.
 */
public class ReactionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReactionFailedException(String message) {
        super(message);
    }

    static ReactionFailedException of(Subscription subscription) {
        if (subscription.failure() != null) {
            return new ReactionFailedException("Subscription '" + subscription.name() + "' stopped: "
                    + subscription.failure().getMessage() + ". It resumes from its checkpoint (position "
                    + subscription.position() + ") on the next run.");
        }
        String cause = subscription.lastError() == null ? "" : " (last error: " + subscription.lastError().getMessage() + ")";
        return new ReactionFailedException("Subscription '" + subscription.name() + "' did not catch up in time, status "
                + subscription.status() + cause + ". It resumes from its checkpoint on the next run.");
    }
}
