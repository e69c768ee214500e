package io.factum.store.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.WrongExpectedRevisionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on a real database: concurrent appends combined into one transaction, each caller
 * getting its own outcome. The deterministic tests hold the leader's connection back (a
 * {@link ScriptedDataSource}) until the appends under test have queued behind it, so the next
 * batch is exactly those appends; commits are counted to show how many transactions ran.
 */
public abstract class JdbcGroupCommitBehaviour {

    /** Upper bound for anything to finish; a safety net, never a measurement. */
    protected static final long TIMEOUT_SECONDS = 120;

    protected final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<JdbcEventStore> stores = new ArrayList<>();
    protected ScriptedDataSource scripted;
    protected JdbcEventStore store;

    /** The database of this test: a fresh file, or the test server. */
    protected abstract DataSource dataSource();

    protected abstract JdbcEventStore newStore(DataSource dataSource, String prefix, boolean groupCommit);

    /** Removes the tables of {@code tables}, if they outlive the test. */
    protected abstract void dropTables(TableNames tables);

    @BeforeEach
    void scriptedStore() {
        scripted = new ScriptedDataSource(dataSource());
        store = store(scripted, true);
    }

    @AfterEach
    void dropEverything() {
        pool.shutdownNow();
        stores.forEach(each -> dropTables(each.tables()));
    }

    protected JdbcEventStore store(DataSource dataSource, boolean groupCommit) {
        JdbcEventStore made = newStore(dataSource, "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_",
                groupCommit);
        made.createSchema();
        stores.add(made);
        return made;
    }

    // ---------------------------------------------------------------- real threads, exact counts

    @Test
    void writersOnOwnAndSharedStreamsStoreEveryEventOnceAndReadersSeeOneOrder() throws Exception {
        int ownWriters = 6;
        int sharedWriters = 6;
        int sharedStreams = 2;
        int appendsPerWriter = 12;
        int eventsPerAppend = 3;
        int total = (ownWriters + sharedWriters) * appendsPerWriter * eventsPerAppend;
        Set<UUID> appended = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        List<Future<List<StoredEvent>>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                start.await();
                return follow(total);
            }));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < ownWriters + sharedWriters; w++) {
            String streamId = w < ownWriters ? "Own-" + w : "Shared-" + (w % sharedStreams);
            writers.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < appendsPerWriter; n++) {
                    List<NewEvent> batch = events(streamId, eventsPerAppend);
                    while (true) {
                        long revision = store.streamRevision(streamId);
                        ExpectedRevision expected = revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revision);
                        try {
                            AppendResult result = store.append(streamId, expected, batch);
                            assertThat(result.lastRevision()).isEqualTo(revision + eventsPerAppend);
                            break;
                        } catch (WrongExpectedRevisionException e) {
                            conflicts.incrementAndGet(); // another writer of the shared stream was first: read again
                        }
                    }
                    batch.forEach(event -> appended.add(event.eventId()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        List<StoredEvent> all = readAll();
        assertThat(all).hasSize(total);
        assertThat(new HashSet<>(ids(all))).isEqualTo(appended).hasSize(total);
        for (Future<List<StoredEvent>> reader : readers) {
            List<StoredEvent> seen = reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(ids(seen)).as("order seen by a reader following readAll").containsExactlyElementsOf(ids(all));
            assertThat(positions(seen)).containsExactlyElementsOf(positions(all));
        }
        Map<String, Long> nextRevision = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            StoredEvent event = all.get(i);
            if (i > 0) {
                assertThat(event.globalPosition()).isGreaterThan(all.get(i - 1).globalPosition());
            }
            long expected = nextRevision.getOrDefault(event.streamId(), 0L);
            assertThat(event.streamRevision()).as("revision in %s", event.streamId()).isEqualTo(expected);
            nextRevision.put(event.streamId(), expected + 1);
        }
        for (int w = 0; w < ownWriters; w++) {
            assertThat(nextRevision.get("Own-" + w)).isEqualTo((long) appendsPerWriter * eventsPerAppend);
        }
        for (int s = 0; s < sharedStreams; s++) {
            assertThat(nextRevision.get("Shared-" + s))
                    .isEqualTo((long) sharedWriters / sharedStreams * appendsPerWriter * eventsPerAppend);
        }
        assertThat(nextRevision).hasSize(ownWriters + sharedStreams);
    }

    // ---------------------------------------------------------------- one batch, many outcomes

    @Test
    void appendsQueuedTogetherAreWrittenInOneTransactionEachWithItsOwnOutcome() throws Exception {
        List<NewEvent> original = events("Order-1", 2);
        AppendResult originalResult = store.append("Order-1", ExpectedRevision.noStream(), original);
        List<NewEvent> storedOfOrder2 = events("Order-2", 2);
        store.append("Order-2", ExpectedRevision.noStream(), storedOfOrder2);
        store.append("Order-3", ExpectedRevision.noStream(), events("Order-3", 1));
        int before = readAll().size();

        Leader leader = holdLeader();
        List<NewEvent> new1 = events("New-1", 2);
        List<NewEvent> new2 = events("New-2", 3);
        Future<Object> written1 = queue("New-1", ExpectedRevision.noStream(), new1);
        Future<Object> wrongRevision = queue("Order-3", ExpectedRevision.exactly(5), events("Order-3", 1));
        Future<Object> repeat = queue("Order-1", ExpectedRevision.noStream(), original);
        NewEvent fresh = event("Order-2", 9);
        Future<Object> partlyStored = queue("Order-2", ExpectedRevision.exactly(0), List.of(storedOfOrder2.get(1), fresh));
        Future<Object> written2 = queue("New-2", ExpectedRevision.noStream(), new2);
        Future<Object> empty = queue("New-3", ExpectedRevision.noStream(), List.of());
        int commits = scripted.commits();
        leader.release();

        assertThat(leader.outcome()).isInstanceOf(AppendResult.class);
        awaitAll(written1, wrongRevision, repeat, partlyStored, written2, empty);
        List<StoredEvent> all = readAll();
        assertThat(all).hasSize(before + 1 + 2 + 3);
        List<StoredEvent> stored1 = stream("New-1");
        List<StoredEvent> stored2 = stream("New-2");
        assertThat(ids(stored1)).containsExactlyElementsOf(ids(new1));
        assertThat(ids(stored2)).containsExactlyElementsOf(ids(new2));
        assertThat(outcome(written1)).isEqualTo(new AppendResult("New-1", 1, stored1.get(1).globalPosition()));
        assertThat(outcome(written2)).isEqualTo(new AppendResult("New-2", 2, stored2.get(2).globalPosition()));
        // Queue order is position order: New-1's events, then New-2's, with nothing between them.
        assertThat(positions(all.subList(all.size() - 5, all.size())))
                .containsExactlyElementsOf(positions(concat(stored1, stored2)));

        WrongExpectedRevisionException wrong = (WrongExpectedRevisionException) outcome(wrongRevision);
        assertThat(wrong.streamId()).isEqualTo("Order-3");
        assertThat(wrong.actual()).isZero();
        assertThat(outcome(repeat)).isEqualTo(originalResult);
        DuplicateEventIdException duplicate = (DuplicateEventIdException) outcome(partlyStored);
        assertThat(duplicate.streamId()).isEqualTo("Order-2");
        assertThat(duplicate.eventId()).isEqualTo(storedOfOrder2.get(1).eventId());
        assertThat(outcome(empty)).isEqualTo(new AppendResult("New-3", -1, -1));
        assertThat(store.streamRevision("Order-2")).isEqualTo(1);
        assertThat(store.streamRevision("Order-3")).isZero();

        assertThat(scripted.commits() - commits).as("the leader's transaction, then one for all six").isEqualTo(2);
    }

    /**
     * A batch looks ids up only for appends whose expected revision fails. A retry whose revision
     * still matches ({@code any()}) and an append reusing a stored id reach the insert, which the
     * unique key refuses: the batch rolls back and every append is written alone, each with its own outcome.
     */
    @Test
    void storedIdsBehindAMatchingRevisionMakeTheBatchFallBackWithEveryOutcomeKept() throws Exception {
        List<NewEvent> original = events("Order-1", 2);
        AppendResult originalResult = store.append("Order-1", ExpectedRevision.any(), original);
        List<NewEvent> storedOfOrder2 = events("Order-2", 2);
        store.append("Order-2", ExpectedRevision.noStream(), storedOfOrder2);
        int before = readAll().size();

        Leader leader = holdLeader();
        List<NewEvent> new1 = events("New-1", 2);
        Future<Object> written1 = queue("New-1", ExpectedRevision.noStream(), new1);
        Future<Object> retry = queue("Order-1", ExpectedRevision.any(), original);
        Future<Object> partlyStored = queue("Order-2", ExpectedRevision.any(), List.of(storedOfOrder2.get(1), event("Order-2", 9)));
        List<NewEvent> new2 = events("New-2", 1);
        Future<Object> written2 = queue("New-2", ExpectedRevision.noStream(), new2);
        int commits = scripted.commits();
        leader.release();

        assertThat(leader.outcome()).isInstanceOf(AppendResult.class);
        awaitAll(written1, retry, partlyStored, written2);
        assertThat(outcome(retry)).isEqualTo(originalResult);
        assertThat(outcome(partlyStored)).isInstanceOfSatisfying(DuplicateEventIdException.class,
                e -> assertThat(e.eventId()).isEqualTo(storedOfOrder2.get(1).eventId()));
        List<StoredEvent> stored1 = stream("New-1");
        assertThat(ids(stored1)).containsExactlyElementsOf(ids(new1));
        assertThat(ids(stream("New-2"))).containsExactlyElementsOf(ids(new2));
        assertThat(outcome(written1)).isEqualTo(new AppendResult("New-1", 1, stored1.get(1).globalPosition()));
        assertThat(readAll()).hasSize(before + 1 + 2 + 1);
        assertThat(store.streamRevision("Order-1")).isEqualTo(1);
        assertThat(store.streamRevision("Order-2")).isEqualTo(1);
        // the leader's own transaction; the batch rolled back; then New-1, the retry (which stores nothing)
        // and New-2 alone, while the duplicate's transaction rolls back
        assertThat(scripted.commits() - commits).isEqualTo(4);
    }

    @Test
    void appendsToOneStreamQueuedTogetherAreWrittenInQueueOrderOnePerTransaction() throws Exception {
        Leader leader = holdLeader();
        List<List<NewEvent>> appends = new ArrayList<>();
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            appends.add(events("Order-1", 2));
            outcomes.add(queue("Order-1", ExpectedRevision.any(), appends.get(i)));
            if (i < 2) {
                outcomes.add(queue("Order-2", i == 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(0),
                        events("Order-2", 1)));
            }
        }
        int commits = scripted.commits();
        leader.release();

        leader.outcome();
        awaitAll(outcomes.toArray(Future[]::new));
        assertThat(outcome(outcomes.get(0))).isEqualTo(new AppendResult("Order-1", 1, stream("Order-1").get(1).globalPosition()));
        assertThat(outcome(outcomes.get(1))).isInstanceOf(AppendResult.class);
        assertThat(outcome(outcomes.get(2))).isEqualTo(new AppendResult("Order-1", 3, stream("Order-1").get(3).globalPosition()));
        assertThat(outcome(outcomes.get(3))).as("Order-2 at revision 0 only after its first append")
                .isEqualTo(new AppendResult("Order-2", 1, stream("Order-2").get(1).globalPosition()));
        assertThat(outcome(outcomes.get(4))).isEqualTo(new AppendResult("Order-1", 5, stream("Order-1").get(5).globalPosition()));
        assertThat(ids(stream("Order-1"))).containsExactlyElementsOf(concat(ids(appends.get(0)), ids(appends.get(1)), ids(appends.get(2))));
        assertThat(scripted.commits() - commits).as("the leader's, then one per append of Order-1").isEqualTo(4);
    }

    @Test
    void anAppendLargerThanABatchIsWrittenAloneAndTheOthersTogether() throws Exception {
        Leader leader = holdLeader();
        Future<Object> small1 = queue("Small-1", ExpectedRevision.noStream(), events("Small-1", 1));
        List<NewEvent> large = events("Large-1", JdbcEventStore.MAX_BATCH_EVENTS + 1);
        Future<Object> huge = queue("Large-1", ExpectedRevision.noStream(), large);
        Future<Object> small2 = queue("Small-2", ExpectedRevision.noStream(), events("Small-2", 1));
        int commits = scripted.commits();
        leader.release();

        leader.outcome();
        awaitAll(small1, huge, small2);
        assertThat(outcome(small1)).isInstanceOf(AppendResult.class);
        assertThat(outcome(small2)).isInstanceOf(AppendResult.class);
        List<StoredEvent> stored = stream("Large-1");
        assertThat(ids(stored)).containsExactlyElementsOf(ids(large));
        assertThat(outcome(huge)).isEqualTo(new AppendResult("Large-1", large.size() - 1, stored.get(large.size() - 1).globalPosition()));
        assertThat(stream("Small-2").get(0).globalPosition()).isEqualTo(stream("Small-1").get(0).globalPosition() + 1);
        assertThat(stored.get(0).globalPosition()).isGreaterThan(stream("Small-2").get(0).globalPosition());
        assertThat(scripted.commits() - commits).as("the leader's, both small ones, the large one").isEqualTo(3);
    }

    // ---------------------------------------------------------------- a failed batch

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnAppendAndTheOthersAreStored() throws Exception {
        scripted.refuseInsertsOf("Refused-1");
        Leader leader = holdLeader();
        List<NewEvent> good1 = events("Good-1", 2);
        List<NewEvent> good2 = events("Good-2", 2);
        Future<Object> first = queue("Good-1", ExpectedRevision.noStream(), good1);
        Future<Object> refused = queue("Refused-1", ExpectedRevision.noStream(), events("Refused-1", 2));
        Future<Object> wrong = queue("Good-3", ExpectedRevision.exactly(3), events("Good-3", 1));
        Future<Object> second = queue("Good-2", ExpectedRevision.noStream(), good2);
        int commits = scripted.commits();
        leader.release();

        leader.outcome();
        awaitAll(first, refused, wrong, second);
        assertThat(outcome(first)).isEqualTo(new AppendResult("Good-1", 1, stream("Good-1").get(1).globalPosition()));
        assertThat(outcome(second)).isEqualTo(new AppendResult("Good-2", 1, stream("Good-2").get(1).globalPosition()));
        assertThat(outcome(wrong)).isInstanceOf(WrongExpectedRevisionException.class);
        assertThat(outcome(refused)).isInstanceOfSatisfying(JdbcStoreException.class, e -> assertThat(e)
                .hasMessageContaining("Cannot append to stream 'Refused-1'")
                .hasMessageContaining("nothing was written")
                .hasRootCauseMessage("scripted: the database refused a row of stream 'Refused-1'"));
        assertThat(ids(stream("Good-1"))).containsExactlyElementsOf(ids(good1));
        assertThat(ids(stream("Good-2"))).containsExactlyElementsOf(ids(good2));
        assertThat(store.streamRevision("Refused-1")).isEqualTo(-1);
        assertThat(readAll()).hasSize(1 + 4);
        // The batch rolled back; then the three appends it was to write, alone. The rejected one kept its verdict.
        assertThat(scripted.commits() - commits).isEqualTo(1 + 2);
    }

    @Test
    void aBatchWhoseCommitAnswerIsLostReturnsEveryAppendsOwnResultWithNothingStoredTwice() throws Exception {
        Leader leader = holdLeader();
        List<List<NewEvent>> appends = List.of(events("Lost-1", 2), events("Lost-2", 1), events("Lost-3", 3));
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            outcomes.add(queue("Lost-" + (i + 1), ExpectedRevision.noStream(), appends.get(i)));
        }
        scripted.loseTheAnswerOfCommit(1); // the leader's goes through; the batch's commits, then "fails"
        leader.release();

        leader.outcome();
        awaitAll(outcomes.toArray(Future[]::new));
        List<StoredEvent> all = readAll();
        assertThat(all).hasSize(1 + 2 + 1 + 3);
        for (int i = 0; i < appends.size(); i++) {
            String streamId = "Lost-" + (i + 1);
            List<StoredEvent> stored = stream(streamId);
            assertThat(ids(stored)).containsExactlyElementsOf(ids(appends.get(i)));
            // Written alone after the lost answer, each append found itself stored: the original result.
            assertThat(outcome(outcomes.get(i))).isEqualTo(
                    new AppendResult(streamId, stored.size() - 1, stored.get(stored.size() - 1).globalPosition()));
        }
    }

    // ---------------------------------------------------------------- interrupts, switching it off

    @Test
    void anInterruptedFollowerIsStillWrittenAndKeepsItsInterrupt() throws Exception {
        Leader leader = holdLeader();
        List<NewEvent> events = events("Interrupted-1", 2);
        CountDownLatch queued = new CountDownLatch(1);
        Thread[] follower = new Thread[1];
        int waiting = store.queuedAppends();
        Future<Object[]> outcome = pool.submit(() -> {
            follower[0] = Thread.currentThread();
            queued.countDown();
            AppendResult result = store.append("Interrupted-1", ExpectedRevision.noStream(), events);
            return new Object[] {result, Thread.currentThread().isInterrupted()};
        });
        assertThat(queued.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        awaitQueued(waiting + 1);
        follower[0].interrupt();
        Future<Object> other = queue("Other-1", ExpectedRevision.noStream(), events("Other-1", 1));
        leader.release();

        Object[] result = outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<StoredEvent> stored = stream("Interrupted-1");
        assertThat(ids(stored)).containsExactlyElementsOf(ids(events));
        assertThat(result[0]).isEqualTo(new AppendResult("Interrupted-1", 1, stored.get(1).globalPosition()));
        assertThat(result[1]).as("interrupt flag after the append").isEqualTo(true);
        assertThat(outcome(other)).isInstanceOf(AppendResult.class);
        leader.outcome();
    }

    @Test
    void withGroupCommitOffEveryAppendIsATransactionOfItsOwn() throws Exception {
        ScriptedDataSource counting = new ScriptedDataSource(dataSource());
        JdbcEventStore alone = store(counting, false);
        int commits = counting.commits();
        int writers = 4;
        int appendsPerWriter = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String streamId = "Alone-" + w;
            writing.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < appendsPerWriter; n++) {
                    alone.append(streamId, n == 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(n - 1L),
                            events(streamId, 1));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writing) {
            writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(counting.commits() - commits).isEqualTo(writers * appendsPerWriter);
        assertThat(alone.readAll(0, 1000)).hasSize(writers * appendsPerWriter);
        assertThat(alone.queuedAppends()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /** An append that leads a batch of its own and is held in {@code getConnection} until released. */
    protected final class Leader {
        private final ScriptedDataSource.Hold hold;
        private final Future<Object> append;

        private Leader(ScriptedDataSource.Hold hold, Future<Object> append) {
            this.hold = hold;
            this.append = append;
        }

        public void release() {
            hold.release();
        }

        public Object outcome() throws Exception {
            return JdbcGroupCommitBehaviour.outcome(append);
        }
    }

    protected Leader holdLeader() throws InterruptedException {
        ScriptedDataSource.Hold hold = scripted.holdNextConnection();
        Future<Object> append = submit("Leader-" + UUID.randomUUID(), ExpectedRevision.noStream(), events("Leader", 1));
        hold.awaitHeld();
        return new Leader(hold, append);
    }

    /** Starts an append on a thread of its own and waits until it is queued behind the others. */
    protected Future<Object> queue(String streamId, ExpectedRevision expected, List<NewEvent> events) throws InterruptedException {
        int waiting = store.queuedAppends();
        Future<Object> append = submit(streamId, expected, events);
        awaitQueued(waiting + 1);
        return append;
    }

    private Future<Object> submit(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        return pool.submit(() -> {
            try {
                return store.append(streamId, expected, events);
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    /** Waits until {@code count} appends are queued; polls the queue, whose length is the condition itself. */
    protected void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (store.queuedAppends() < count) {
            assertThat(System.nanoTime()).as("%d appends queued", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Waits until every one of {@code appends} has its outcome, before the test reads what they stored. */
    protected static void awaitAll(Future<?>... appends) throws Exception {
        for (Future<?> append : appends) {
            append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    protected static Object outcome(Future<Object> append) throws Exception {
        return append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    protected static NewEvent event(String streamId, int n) {
        return new NewEvent(UUID.randomUUID(), "Event" + n, 1, Instant.parse("2026-11-26T08:15:30.123456Z"),
                Metadata.empty(), ("{\"stream\":\"" + streamId + "\",\"n\":" + n + "}").getBytes(UTF_8));
    }

    protected static List<NewEvent> events(String streamId, int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(streamId, i));
        }
        return events;
    }

    protected List<StoredEvent> stream(String streamId) {
        return store.readStream(streamId, 0, Integer.MAX_VALUE);
    }

    protected List<StoredEvent> readAll() {
        List<StoredEvent> all = new ArrayList<>();
        for (List<StoredEvent> page = store.readAll(0, 500); !page.isEmpty();
                page = store.readAll(page.get(page.size() - 1).globalPosition(), 500)) {
            all.addAll(page);
        }
        return all;
    }

    /** Follows readAll in small pages until {@code expected} events were read (or the safety timeout passes). */
    private List<StoredEvent> follow(int expected) throws InterruptedException {
        List<StoredEvent> seen = new ArrayList<>();
        long after = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (seen.size() < expected && System.nanoTime() < deadline) {
            List<StoredEvent> page = store.readAll(after, 7);
            if (page.isEmpty()) {
                Thread.sleep(1);
                continue;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1).globalPosition();
        }
        return seen;
    }

    protected static List<UUID> ids(List<?> events) {
        List<UUID> ids = new ArrayList<>();
        for (Object event : events) {
            ids.add(event instanceof StoredEvent stored ? stored.eventId() : ((NewEvent) event).eventId());
        }
        return ids;
    }

    protected static List<Long> positions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::globalPosition).toList();
    }

    @SafeVarargs
    protected static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
