package io.factum.subscription;

import io.factum.FactumException;

/**
 * An instance of a subscription was configured differently from the fleet that already runs it
 * under the same name: another mode or slice count. It does not start; give every instance of one
 * name the same configuration, or another name.
 */
public final class SubscriptionModeMismatchException extends FactumException {
    private static final long serialVersionUID = 1L;

    SubscriptionModeMismatchException(String subscription, String table, SubscriptionMode stored, SubscriptionMode configured) {
        super("Subscription '" + subscription + "' runs " + stored + " (recorded in " + table + " when it was first "
                + "started), but this instance is configured " + configured + "; every instance of one subscription needs "
                + "the same mode and slice count: change this one, or give it another name");
    }
}
