package io.factum.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InMemoryDeadLetterStoreTest {

    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();

    private static DeadLetter letter(UUID id, int attempts) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new DeadLetter(id, "sub", TestEvents.placed(attempts), new IllegalStateException("x"), attempts, now, now);
    }

    @Test
    void listsOldestFirstAndALetterThatFailedAgainMovesToTheEnd() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        store.add(letter(a, 1));
        store.add(letter(b, 1));
        store.add(letter(a, 2));

        assertThat(store.list()).extracting(DeadLetter::id).containsExactly(b, a);
        assertThat(store.list().get(1).attempts()).isEqualTo(2);
    }

    @Test
    void removeReturnsTheLetterOnce() {
        UUID id = UUID.randomUUID();
        store.add(letter(id, 1));

        assertThat(store.remove(id)).hasValueSatisfying(removed -> assertThat(removed.id()).isEqualTo(id));
        assertThat(store.remove(id)).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void concurrentRemovesOfTheSameLetterHaveExactlyOneWinner() throws Exception {
        int letters = 1_000;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < letters; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            store.add(letter(id, 1));
        }
        AtomicInteger won = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                Waiting.await(start, "start");
                for (UUID id : ids) {
                    if (store.remove(id).isPresent()) {
                        won.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(won.get()).isEqualTo(letters);
        assertThat(store.list()).isEmpty();
    }
}
