package io.factum.subscription;

import io.factum.store.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Parked events in memory; lost on restart, so use {@link JdbcParkedEvents} with a durable store. Thread-safe. */
public final class InMemoryParkedEvents implements ParkedEvents {

    private final Map<String, ConcurrentSkipListMap<Long, ParkedEvent>> bySubscription = new ConcurrentHashMap<>();

    @Override
    public void park(String subscription, StoredEvent event, String error) {
        bySubscription.computeIfAbsent(subscription, name -> new ConcurrentSkipListMap<>())
                .put(event.globalPosition(), new ParkedEvent(subscription, event.globalPosition(), event.streamId(),
                        event.streamRevision(), event.type(), error, Instant.now()));
    }

    @Override
    public List<ParkedEvent> list(String subscription) {
        ConcurrentSkipListMap<Long, ParkedEvent> parked = bySubscription.get(subscription);
        return parked == null ? List.of() : List.copyOf(parked.values());
    }

    @Override
    public void remove(String subscription, long globalPosition) {
        ConcurrentSkipListMap<Long, ParkedEvent> parked = bySubscription.get(subscription);
        if (parked != null) {
            parked.remove(globalPosition);
        }
    }
}
