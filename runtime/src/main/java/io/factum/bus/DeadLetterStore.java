package io.factum.bus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where {@link AsyncEventBus} parks events its subscribers keep failing on. Operations are reached
 * through {@link AsyncEventBus#deadLetters()}, which also redelivers; this is the storage behind it.
 *
 * <p>Implementations are thread-safe and must not lose letters: {@link #add} is called from
 * subscriber threads, the rest from operators and tests.
 */
public interface DeadLetterStore {

    /** Stores {@code letter}, replacing a letter with the same id (a redelivered event that failed again). */
    void add(DeadLetter letter);

    /** Every parked letter, oldest first. */
    List<DeadLetter> list();

    /** Removes the letter with this id and returns it; empty if there is none. Atomic: one caller wins. */
    Optional<DeadLetter> remove(UUID id);
}
