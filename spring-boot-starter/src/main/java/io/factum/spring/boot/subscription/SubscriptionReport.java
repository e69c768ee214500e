package io.factum.spring.boot.subscription;

import io.factum.micrometer.HeadPosition;
import io.factum.subscription.Subscription;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one subscription is, as health and the {@code factum} endpoint show it.
 *
 * @param name     the subscription's name
 * @param status   NEW, RUNNING, STOPPED or FAILED
 * @param position its checkpoint; -1 when the database could not be read
 * @param lag      the store's head position minus the checkpoint; -1 when the database could not be read
 * @param parked   events it has parked; -1 when the database could not be read
 * @param failure  why it failed, or the last error reading the store; null when there is none
 * @param mode     how its instances share it: {@code exclusive} or {@code single-process}
 * @param active   whether this instance delivers its events (false while an exclusive one stands by)
 */
public record SubscriptionReport(String name, String status, long position, long lag, int parked, String failure,
        String mode, boolean active) {

    /** Reports of {@code subscriptions}, in order, each against the store's current head. */
    public static List<SubscriptionReport> of(List<Subscription> subscriptions, HeadPosition head) {
        List<SubscriptionReport> reports = new ArrayList<>(subscriptions.size());
        long headPosition = -1;
        try {
            headPosition = subscriptions.isEmpty() ? 0 : head.current();
        } catch (RuntimeException e) {
            // reported per subscription as an unknown lag
        }
        for (Subscription subscription : subscriptions) {
            long position = -1;
            int parked = -1;
            String failure = null;
            try {
                position = subscription.position();
                parked = subscription.parkedEvents().size();
            } catch (RuntimeException e) {
                failure = "Cannot read its checkpoint or parked events: " + e.getMessage();
            }
            if (subscription.failure() != null) {
                failure = subscription.failure().getMessage();
            } else if (failure == null && subscription.lastError() != null) {
                failure = subscription.lastError().getMessage();
            }
            long lag = headPosition < 0 || position < 0 ? -1 : Math.max(0, headPosition - position);
            reports.add(new SubscriptionReport(subscription.name(), subscription.status().name(), position, lag, parked, failure,
                    subscription.mode().toString(), subscription.isActive()));
        }
        return reports;
    }
}
