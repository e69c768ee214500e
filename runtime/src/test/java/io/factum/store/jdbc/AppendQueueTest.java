package io.factum.store.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link AppendQueue} cuts batches and hands out outcomes, with a writer that records its
 * batches instead of a database. The first append's batch is held until the others have queued,
 * so the batches that follow are exactly determined.
 */
class AppendQueueTest {

    private static final long TIMEOUT_SECONDS = 60;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final Map<String, List<NewEvent>> writtenEvents = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Records each batch as the stream ids of its appends and answers each with its index in the batch as revision and the batch number as position. */
    private void record(List<AppendQueue.Pending> batch) {
        if (batches.isEmpty()) {
            firstHeld.countDown();
            await(releaseFirst);
        }
        batches.add(batch.stream().map(pending -> pending.streamId).toList());
        batch.forEach(pending -> writtenEvents.put(pending.streamId, List.copyOf(pending.events)));
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(new AppendResult(batch.get(i).streamId, i, batches.size()));
        }
    }

    @Test
    void aBatchTakesOneAppendPerStreamAndNoSharedIdsAndKeepsEachStreamsOrder() throws Exception {
        AppendQueue queue = new AppendQueue(this::record, 100, 100);
        Future<AppendResult> first = holdFirst(queue);
        NewEvent shared = event();
        List<Future<AppendResult>> appends = new ArrayList<>();
        appends.add(queue(queue, "A", List.of(event())));
        appends.add(queue(queue, "A", List.of(event())));        // A again: next batch
        appends.add(queue(queue, "B", List.of(shared)));
        appends.add(queue(queue, "C", List.of(event(), shared))); // shares an id with B: next batch
        appends.add(queue(queue, "C", List.of(event())));        // behind C's held-back append
        appends.add(queue(queue, "D", List.of()));
        releaseFirst.countDown();

        first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Future<AppendResult> append : appends) {
            append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(batches).containsExactly(List.of("first"), List.of("A", "B", "D"), List.of("A", "C"), List.of("C"));
        assertThat(appends.get(1).get().lastPosition()).isEqualTo(3);
        assertThat(appends.get(4).get().lastPosition()).isEqualTo(4);
    }

    @Test
    void aBatchStopsAtItsEventAndAppendLimitsButTheOldestAppendAlwaysGoes() throws Exception {
        AppendQueue queue = new AppendQueue(this::record, 4, 3);
        Future<AppendResult> first = holdFirst(queue);
        List<Future<AppendResult>> appends = new ArrayList<>();
        appends.add(queue(queue, "Large", events(6)));  // over the limit, but oldest: alone
        appends.add(queue(queue, "A", events(3)));
        appends.add(queue(queue, "B", events(2)));       // 3 + 2 > 4: left for later
        appends.add(queue(queue, "C", events(1)));       // 3 + 1: the batch is full
        appends.add(queue(queue, "D", events(0)));
        appends.add(queue(queue, "E", events(0)));
        appends.add(queue(queue, "F", events(0)));       // B, D, E make three: over the append limit
        releaseFirst.countDown();

        first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Future<AppendResult> append : appends) {
            append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(batches).containsExactly(List.of("first"), List.of("Large"), List.of("A", "C"), List.of("B", "D", "E"),
                List.of("F"));
    }

    @Test
    void whenTheWriterThrowsOrForgetsAnAppendEveryCallerStillGetsAnError() throws Exception {
        AppendQueue throwing = new AppendQueue(batch -> {
            throw new IllegalArgumentException("writer bug");
        }, 10, 10);
        assertThat(outcome(pool.submit(() -> throwing.append("A", ExpectedRevision.any(), List.of(event())))))
                .isInstanceOfSatisfying(IllegalStateException.class, e -> assertThat(e)
                        .hasMessageContaining("stream 'A'").hasMessageContaining("may or may not have been stored")
                        .hasCauseInstanceOf(IllegalArgumentException.class));

        AppendQueue forgetful = new AppendQueue(batch -> { }, 10, 10);
        assertThat(outcome(pool.submit(() -> forgetful.append("B", ExpectedRevision.any(), List.of()))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(forgetful.queued()).isZero();
    }

    @Test
    void anExceptionReachesItsCallerWithTheCallersStackTrace() throws Exception {
        AppendQueue queue = new AppendQueue(batch -> batch.forEach(p -> p.fail(new IllegalStateException("no " + p.streamId))), 10, 10);
        Future<Object> failed = pool.submit(() -> {
            try {
                return queue.append("A", ExpectedRevision.any(), List.of());
            } catch (IllegalStateException e) {
                return e;
            }
        });
        Throwable error = (Throwable) failed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(error).hasMessage("no A");
        assertThat(error.getStackTrace()).anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("append"));
    }

    @Test
    void aCallersListThatChangesWhileQueuedNeitherStallsNorFailsTheOtherAppendsOfItsBatch() throws Exception {
        AppendQueue queue = new AppendQueue(this::record, 100, 100);
        Future<AppendResult> first = holdFirst(queue);
        List<NewEvent> changing = new ChangingList(events(2));
        List<NewEvent> writtenAs = List.copyOf(changing);
        Future<AppendResult> a = queue(queue, "A", List.of(event()));
        Future<AppendResult> c = queue(queue, "C", List.of(event()));
        Future<AppendResult> b = queue(queue, "B", changing);
        ((ChangingList) changing).breakIt(); // as if another thread modified it while its append was queued
        releaseFirst.countDown();

        first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(outcome(a)).isInstanceOf(AppendResult.class);
        assertThat(outcome(c)).isInstanceOf(AppendResult.class);
        assertThat(outcome(b)).isInstanceOf(AppendResult.class);
        assertThat(batches).containsExactly(List.of("first"), List.of("A", "C", "B"));
        assertThat(writtenEvents.get("B")).as("the events as they were when queued").isEqualTo(writtenAs);
        assertThat(queue.queued()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the append whose batch {@link #record} holds until {@link #releaseFirst}. */
    private Future<AppendResult> holdFirst(AppendQueue queue) throws InterruptedException {
        Future<AppendResult> first = pool.submit(() -> queue.append("first", ExpectedRevision.any(), List.of(event())));
        assertThat(firstHeld.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private Future<AppendResult> queue(AppendQueue queue, String streamId, List<NewEvent> events) throws InterruptedException {
        int waiting = queue.queued();
        Future<AppendResult> append = pool.submit(() -> queue.append(streamId, ExpectedRevision.any(), events));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (queue.queued() <= waiting) {
            assertThat(System.nanoTime()).as("append to %s queued", streamId).isLessThan(deadline);
            Thread.sleep(1);
        }
        return append;
    }

    private static Object outcome(Future<AppendResult> append) throws InterruptedException {
        try {
            return append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no outcome", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID(), "E", 1, Instant.EPOCH, Metadata.empty(), "{}".getBytes(UTF_8));
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event());
        }
        return events;
    }

    /** A caller's list that, once broken, fails every read, as a list being modified by another thread may. */
    private static final class ChangingList extends AbstractList<NewEvent> {
        private final List<NewEvent> events;
        private volatile boolean broken;

        ChangingList(List<NewEvent> events) {
            this.events = events;
        }

        void breakIt() {
            broken = true;
        }

        @Override
        public NewEvent get(int index) {
            check();
            return events.get(index);
        }

        @Override
        public int size() {
            check();
            return events.size();
        }

        private void check() {
            if (broken) {
                throw new ConcurrentModificationException("changed while its append was queued");
            }
        }
    }
}
