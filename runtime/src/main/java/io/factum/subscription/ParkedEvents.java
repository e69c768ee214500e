package io.factum.subscription;

import io.factum.store.StoredEvent;
import java.util.List;

/** The list of events subscriptions have parked, for people to inspect and retry. */
public interface ParkedEvents {

    /** Records that {@code subscription} parked {@code event} because of {@code error}; parking it again updates the error. */
    void park(String subscription, StoredEvent event, String error);

    /** The events {@code subscription} has parked, by global position. */
    List<ParkedEvent> list(String subscription);

    /** Forgets a parked event (after it was handled, or when a person decides to drop it). */
    void remove(String subscription, long globalPosition);
}
