package io.factum.bus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Dead letters in memory, oldest first; lost when the process ends. Unbounded, because dropping a
 * letter would lose an event: watch {@link AsyncEventBus#deadLetters()} size in operations.
 */
public final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<UUID, DeadLetter> letters = new LinkedHashMap<>();

    @Override
    public void add(DeadLetter letter) {
        synchronized (lock) {
            letters.remove(letter.id()); // a letter that failed again moves to the end, as the newest
            letters.put(letter.id(), letter);
        }
    }

    @Override
    public List<DeadLetter> list() {
        synchronized (lock) {
            return List.copyOf(letters.values());
        }
    }

    @Override
    public Optional<DeadLetter> remove(UUID id) {
        synchronized (lock) {
            return Optional.ofNullable(letters.remove(id));
        }
    }
}
