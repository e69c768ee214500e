package io.factum.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit listener hears of every batch: appends and events combined, and whether it committed. */
class SqliteGroupCommitListenerTest {

    @TempDir
    Path directory;

    private record Batch(int appends, int events, boolean committed) {}

    private static List<NewEvent> events(String streamId, int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(UUID.randomUUID(), "Event" + i, 1, Instant.parse("2026-11-26T08:15:30Z"),
                    Metadata.empty(), ("{\"stream\":\"" + streamId + "\"}").getBytes(UTF_8)));
        }
        return events;
    }

    @Test
    void everyAppendIsInExactlyOneBatchAndBatchesCommitted() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.builder(SqliteEventStore.dataSource(directory.resolve("events.db")))
                .groupCommitListener((appends, events, committed) -> batches.add(new Batch(appends, events, committed)))
                .build()) {
            store.append("Single-1", ExpectedRevision.noStream(), events("Single-1", 3));
            assertThat(batches).containsExactly(new Batch(1, 3, true));

            int writers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String stream = "Writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        store.append(stream, ExpectedRevision.any(), events(stream, 2));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(batches).allMatch(Batch::committed);
            assertThat(batches.stream().mapToInt(Batch::appends).sum()).isEqualTo(1 + writers * 5);
            assertThat(batches.stream().mapToInt(Batch::events).sum()).isEqualTo(3 + writers * 5 * 2);
        }
    }
}
