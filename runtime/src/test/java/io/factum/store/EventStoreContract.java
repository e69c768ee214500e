package io.factum.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.store.Metadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventStore} must have. Each implementation runs the same tests
 * by extending this class and saying how to make a fresh, empty store:
 *
 * <pre>{@code
 * class SqliteEventStoreTest extends EventStoreContract {
 *     @Override
 *     protected EventStore newStore() {
 *         return SqliteEventStore.open(tempDir.resolve("events.db"));
 *     }
 * }
 * }</pre>
 *
 * <p>Decisions this suite pins down (documented in {@code docs/event-store.md}):
 * <ul>
 *   <li>an empty append checks the expected revision, stores nothing and reports the stream's current
 *       revision and the position of its last event ({@code -1}/{@code -1} for a missing stream);</li>
 *   <li>an append whose events are all already stored in this stream, at consecutive revisions in the
 *       same order, is an idempotent repeat: it succeeds without writing and returns the result of the
 *       original append; the expected revision is not checked again;</li>
 *   <li>any other overlap with stored ids (part of the batch, another stream, another order, an id twice
 *       in one batch) is a {@link DuplicateEventIdException} and stores nothing;</li>
 *   <li>occurred-at times are kept to the microsecond; payloads byte for byte;</li>
 *   <li>reads validate their arguments: stream ids like appends, {@code fromRevision >= 0},
 *       {@code afterPosition >= 0}, {@code maxCount >= 1}.</li>
 * </ul>
 */
public abstract class EventStoreContract {

    /** Upper bound for any concurrent test to finish; a safety net, never a measurement. */
    private static final long TIMEOUT_SECONDS = 120;

    /** A fixed time with microsecond digits, so the round trip checks precision. */
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-26T08:15:30.123456Z");

    protected EventStore store;

    /** A fresh, empty store: a new schema, file or instance per test. */
    protected abstract EventStore newStore();

    /** Releases a store made by {@link #newStore()}; closes it by default. */
    protected void closeStore(EventStore store) {
        store.close();
    }

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void releaseStore() {
        if (store != null) {
            closeStore(store);
        }
    }

    // ---------------------------------------------------------------- empty appends

    @Test
    void emptyAppendToMissingStreamStoresNothing() {
        AppendResult result = store.append("Order-1", ExpectedRevision.noStream(), List.of());

        assertThat(result).isEqualTo(new AppendResult("Order-1", -1, -1));
        assertThat(store.streamRevision("Order-1")).isEqualTo(-1);
        assertThat(store.readStream("Order-1", 0, 10)).isEmpty();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @Test
    void emptyAppendToExistingStreamReturnsItsCurrentRevisionAndPosition() {
        store.append("Order-1", ExpectedRevision.noStream(), List.of(event("A"), event("B")));
        long lastPosition = store.readStream("Order-1", 1, 1).get(0).globalPosition();

        AppendResult result = store.append("Order-1", ExpectedRevision.exactly(1), List.of());

        assertThat(result).isEqualTo(new AppendResult("Order-1", 1, lastPosition));
        assertThat(store.readAll(0, 10)).hasSize(2);
    }

    @Test
    void emptyAppendStillChecksTheExpectedRevision() {
        store.append("Order-1", ExpectedRevision.noStream(), List.of(event("A")));

        WrongExpectedRevisionException exactMismatch = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.exactly(5), List.of()));
        assertWrongRevision(exactMismatch, "Order-1", ExpectedRevision.exactly(5), 0);

        WrongExpectedRevisionException missing = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-2", ExpectedRevision.streamExists(), List.of()));
        assertWrongRevision(missing, "Order-2", ExpectedRevision.streamExists(), -1);
        assertThat(store.readAll(0, 10)).hasSize(1);
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        UUID correlation = UUID.randomUUID();
        UUID causation = UUID.randomUUID();
        Metadata metadata = new Metadata(correlation, causation, Map.of("user", "alice", "note", "äöü ✓ \"quoted\""));
        byte[] payload = "{\"orderId\":\"42\",\"customer\":\"Zoë Ñandú 北京\",\"amount\":12.50,\"lines\":[]}".getBytes(UTF_8);
        NewEvent first = new NewEvent(UUID.randomUUID(), "OrderCreated", 3, OCCURRED_AT, metadata, payload);
        NewEvent second = new NewEvent(UUID.randomUUID(), "OrderConfirmed", 1,
                Instant.parse("1999-12-31T23:59:59.000001Z"), Metadata.empty(), "{}".getBytes(UTF_8));

        AppendResult result = store.append("Order-42", ExpectedRevision.noStream(), List.of(first, second));

        List<StoredEvent> stream = store.readStream("Order-42", 0, 10);
        assertThat(stream).hasSize(2);
        assertStored(stream.get(0), first, "Order-42", 0);
        assertStored(stream.get(1), second, "Order-42", 1);
        assertThat(stream.get(0).globalPosition()).isPositive();
        assertThat(stream.get(1).globalPosition()).isGreaterThan(stream.get(0).globalPosition());
        assertThat(result).isEqualTo(new AppendResult("Order-42", 1, stream.get(1).globalPosition()));

        List<StoredEvent> all = store.readAll(0, 10);
        assertThat(all).hasSize(2);
        assertStored(all.get(0), first, "Order-42", 0);
        assertStored(all.get(1), second, "Order-42", 1);
        assertThat(all.get(0).globalPosition()).isEqualTo(stream.get(0).globalPosition());
        assertThat(all.get(1).globalPosition()).isEqualTo(stream.get(1).globalPosition());
    }

    @Test
    void metadataWithOnlySomeFieldsSurvivesTheRoundTrip() {
        Metadata correlationOnly = Metadata.empty().withCorrelationId(UUID.randomUUID());
        Metadata causationOnly = Metadata.empty().withCausationId(UUID.randomUUID());
        Metadata headersOnly = Metadata.empty().withHeader("tenant", "acme").withHeader("empty", "");
        List<NewEvent> events = List.of(
                event("A", correlationOnly), event("B", causationOnly), event("C", headersOnly), event("D", Metadata.empty()));

        store.append("Order-1", ExpectedRevision.any(), events);

        List<StoredEvent> stored = store.readStream("Order-1", 0, 10);
        for (int i = 0; i < events.size(); i++) {
            assertStored(stored.get(i), events.get(i), "Order-1", i);
        }
    }

    @Test
    void callersCannotChangeStoredPayloads() {
        byte[] payload = "{\"n\":1}".getBytes(UTF_8);
        store.append("Order-1", ExpectedRevision.any(), List.of(event("A", Metadata.empty(), payload)));

        payload[2] = 'X';
        byte[] read = store.readStream("Order-1", 0, 1).get(0).payload();
        assertThat(new String(read, UTF_8)).isEqualTo("{\"n\":1}");
        read[2] = 'Y';

        assertThat(new String(store.readStream("Order-1", 0, 1).get(0).payload(), UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(new String(store.readAll(0, 1).get(0).payload(), UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void unicodeAndMaximumLengthStreamIdsAreAccepted() {
        String longest = "S".repeat(StreamIds.MAX_LENGTH);
        store.append("Заказ-42", ExpectedRevision.noStream(), List.of(event("A")));
        store.append(longest, ExpectedRevision.noStream(), List.of(event("A")));

        assertThat(store.readStream("Заказ-42", 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.streamId()).isEqualTo("Заказ-42"));
        assertThat(store.readStream(longest, 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.streamId()).isEqualTo(longest));
    }

    @Test
    void streamIdsWithUnpairedSurrogatesAreRejectedByAppendsAndReads() {
        List<String> unpaired = List.of("a\uD800b", "\uDC00x", "tail-\uD83D", "\uDE00\uD83D", "a?b".replace('?', '\uDFFF'));
        store.append("a?b", ExpectedRevision.noStream(), List.of(event("A"))); // what a driver would alias them to
        for (String streamId : unpaired) {
            assertThatThrownBy(() -> store.append(streamId, ExpectedRevision.any(), events(1)))
                    .as("append to %s", printable(streamId))
                    .isInstanceOf(InvalidStreamIdException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate");
            assertThatThrownBy(() -> store.readStream(streamId, 0, 10)).as("read %s", printable(streamId))
                    .isInstanceOf(InvalidStreamIdException.class);
            assertThatThrownBy(() -> store.streamRevision(streamId)).as("revision of %s", printable(streamId))
                    .isInstanceOf(InvalidStreamIdException.class);
        }
        assertThat(store.readAll(0, 100)).singleElement().satisfies(e -> assertThat(e.streamId()).isEqualTo("a?b"));
    }

    @Test
    void everyAcceptedOddStreamIdRoundTripsVerbatimAndStaysItsOwnStream() {
        List<String> odd = List.of("emoji-\uD83D\uDE00", "\uD83D\uDE00", "e\u0301", "\u00e9", "bom-\uFEFF", "zwj-\u200D",
                "rtl-\u202E", "nonchar-\uFFFE-\uFFFF", "plane16-\uDBFF\uDFFF", "quote-'\"-\\", "percent-%_*", "a?b");
        for (String streamId : odd) {
            store.append(streamId, ExpectedRevision.noStream(), List.of(event("A")));
        }
        for (String streamId : odd) {
            assertThat(store.readStream(streamId, 0, 10)).as(printable(streamId)).singleElement()
                    .satisfies(e -> assertThat(e.streamId()).isEqualTo(streamId));
            assertThat(store.streamRevision(streamId)).as(printable(streamId)).isZero();
        }
        assertThat(store.readAll(0, 100)).extracting(StoredEvent::streamId).containsExactlyElementsOf(odd);
    }

    // ---------------------------------------------------------------- revisions

    @Test
    void revisionsStartAtZeroAndAreContiguousAcrossAppends() {
        AppendResult first = store.append("Order-1", ExpectedRevision.noStream(), events(3));
        AppendResult second = store.append("Order-1", ExpectedRevision.exactly(2), events(2));
        AppendResult third = store.append("Order-1", ExpectedRevision.any(), events(1));

        assertThat(first.lastRevision()).isEqualTo(2);
        assertThat(second.lastRevision()).isEqualTo(4);
        assertThat(third.lastRevision()).isEqualTo(5);
        assertThat(store.streamRevision("Order-1")).isEqualTo(5);
        assertThat(revisions(store.readStream("Order-1", 0, 100))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void streamsHaveIndependentRevisions() {
        store.append("Order-1", ExpectedRevision.noStream(), events(2));
        store.append("Order-2", ExpectedRevision.noStream(), events(3));
        store.append("Order-1", ExpectedRevision.exactly(1), events(1));

        assertThat(store.streamRevision("Order-1")).isEqualTo(2);
        assertThat(store.streamRevision("Order-2")).isEqualTo(2);
        assertThat(revisions(store.readStream("Order-1", 0, 100))).containsExactly(0L, 1L, 2L);
        assertThat(revisions(store.readStream("Order-2", 0, 100))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void appendResultNamesTheLastEventAppended() {
        store.append("Order-1", ExpectedRevision.noStream(), events(2));
        AppendResult result = store.append("Order-2", ExpectedRevision.noStream(), events(3));

        StoredEvent last = store.readStream("Order-2", 2, 1).get(0);
        assertThat(result).isEqualTo(new AppendResult("Order-2", 2, last.globalPosition()));
    }

    // ---------------------------------------------------------------- expected revisions

    @Test
    void anyAcceptsMissingAndExistingStreams() {
        store.append("Order-1", ExpectedRevision.any(), events(1));
        store.append("Order-1", ExpectedRevision.any(), events(1));

        assertThat(store.streamRevision("Order-1")).isEqualTo(1);
    }

    @Test
    void noStreamAcceptsOnlyAMissingStream() {
        store.append("Order-1", ExpectedRevision.noStream(), events(2));

        WrongExpectedRevisionException error = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.noStream(), events(1)));

        assertWrongRevision(error, "Order-1", ExpectedRevision.noStream(), 1);
        assertThat(store.readStream("Order-1", 0, 100)).hasSize(2);
    }

    @Test
    void streamExistsAcceptsOnlyAnExistingStream() {
        WrongExpectedRevisionException error = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.streamExists(), events(1)));
        assertWrongRevision(error, "Order-1", ExpectedRevision.streamExists(), -1);
        assertThat(store.streamRevision("Order-1")).isEqualTo(-1);

        store.append("Order-1", ExpectedRevision.noStream(), events(1));
        store.append("Order-1", ExpectedRevision.streamExists(), events(1));
        assertThat(store.streamRevision("Order-1")).isEqualTo(1);
    }

    @Test
    void exactlyAcceptsOnlyTheCurrentRevision() {
        store.append("Order-1", ExpectedRevision.noStream(), events(3));

        WrongExpectedRevisionException behind = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.exactly(1), events(1)));
        assertWrongRevision(behind, "Order-1", ExpectedRevision.exactly(1), 2);

        WrongExpectedRevisionException ahead = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.exactly(3), events(1)));
        assertWrongRevision(ahead, "Order-1", ExpectedRevision.exactly(3), 2);

        assertThat(store.append("Order-1", ExpectedRevision.exactly(2), events(1)).lastRevision()).isEqualTo(3);
    }

    @Test
    void exactlyOnAMissingStreamFails() {
        WrongExpectedRevisionException error = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> store.append("Order-1", ExpectedRevision.exactly(0), events(1)));

        assertWrongRevision(error, "Order-1", ExpectedRevision.exactly(0), -1);
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    @Test
    void wrongExpectedRevisionMessageNamesStreamExpectedAndActual() {
        store.append("Order-7", ExpectedRevision.noStream(), events(3));

        assertThatThrownBy(() -> store.append("Order-7", ExpectedRevision.exactly(0), events(1)))
                .isInstanceOf(WrongExpectedRevisionException.class)
                .hasMessageContaining("Order-7")
                .hasMessageContaining("revision 0")
                .hasMessageContaining("revision 2");
    }

    // ---------------------------------------------------------------- atomicity

    @Test
    void aConflictingBatchStoresNothing() {
        store.append("Order-1", ExpectedRevision.noStream(), events(2));
        List<StoredEvent> before = store.readAll(0, 100);

        assertThatThrownBy(() -> store.append("Order-1", ExpectedRevision.noStream(), events(5)))
                .isInstanceOf(WrongExpectedRevisionException.class);

        assertSameEvents(store.readAll(0, 100), before);
        assertThat(store.streamRevision("Order-1")).isEqualTo(1);
    }

    @Test
    void aBatchWithAnIdStoredInAnotherStreamStoresNothing() {
        NewEvent taken = event("A");
        store.append("Order-1", ExpectedRevision.noStream(), List.of(taken));
        List<NewEvent> batch = List.of(event("B"), event("C"), taken, event("D"));

        DuplicateEventIdException error = catchThrowableOfType(DuplicateEventIdException.class,
                () -> store.append("Order-2", ExpectedRevision.noStream(), batch));

        assertThat(error).isNotNull();
        assertThat(error.eventId()).isEqualTo(taken.eventId());
        assertThat(error.streamId()).isEqualTo("Order-2");
        assertThat(error).hasMessageContaining(taken.eventId().toString());
        assertThat(store.streamRevision("Order-2")).isEqualTo(-1);
        assertThat(store.readAll(0, 100)).hasSize(1);
    }

    @Test
    void aBatchWithTheSameIdTwiceStoresNothing() {
        NewEvent once = event("A");
        NewEvent twice = new NewEvent(once.eventId(), "B", 1, OCCURRED_AT, Metadata.empty(), "{}".getBytes(UTF_8));

        DuplicateEventIdException error = catchThrowableOfType(DuplicateEventIdException.class,
                () -> store.append("Order-1", ExpectedRevision.any(), List.of(event("X"), once, twice)));

        assertThat(error).isNotNull();
        assertThat(error.eventId()).isEqualTo(once.eventId());
        assertThat(store.readAll(0, 100)).isEmpty();
    }

    @Test
    void oversizedPayloadIsRejectedBeforeAnythingIsWritten() {
        byte[] limit = jsonOfSize(StreamIds.MAX_PAYLOAD_BYTES);
        byte[] tooLarge = jsonOfSize(StreamIds.MAX_PAYLOAD_BYTES + 1);
        List<NewEvent> batch = List.of(event("Small"), event("Huge", Metadata.empty(), tooLarge));

        PayloadTooLargeException error = catchThrowableOfType(PayloadTooLargeException.class,
                () -> store.append("Order-1", ExpectedRevision.any(), batch));

        assertThat(error).isNotNull();
        assertThat(error.streamId()).isEqualTo("Order-1");
        assertThat(error.type()).isEqualTo("Huge");
        assertThat(error.size()).isEqualTo(StreamIds.MAX_PAYLOAD_BYTES + 1);
        assertThat(store.readAll(0, 100)).isEmpty();

        store.append("Order-1", ExpectedRevision.any(), List.of(event("Largest", Metadata.empty(), limit)));
        assertThat(store.readStream("Order-1", 0, 1).get(0).payload()).isEqualTo(limit);
    }

    @Test
    void invalidStreamIdsAreRejectedBeforeAnythingIsWritten() {
        List<String> invalid = Arrays.asList(
                null, "", "   ", "\t", "S".repeat(StreamIds.MAX_LENGTH + 1), "Order-\n1", "Order\u0000-1", "Order-\u007f");
        for (String streamId : invalid) {
            assertThatThrownBy(() -> store.append(streamId, ExpectedRevision.any(), events(1)))
                    .as("append to %s", printable(streamId))
                    .isInstanceOf(InvalidStreamIdException.class);
            assertThatThrownBy(() -> store.append(streamId, ExpectedRevision.any(), List.of()))
                    .as("empty append to %s", printable(streamId))
                    .isInstanceOf(InvalidStreamIdException.class);
        }
        assertThat(store.readAll(0, 100)).isEmpty();
    }

    @Test
    void readsRejectInvalidArguments() {
        assertThatThrownBy(() -> store.readStream("", 0, 10)).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> store.streamRevision("a\nb")).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> store.readStream("Order-1", -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.readStream("Order-1", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.readAll(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.readAll(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void retryingAnAppendWithTheSameIdsStoresNothingNewAndReturnsTheSameResult() {
        List<NewEvent> batch = events(3);
        AppendResult original = store.append("Order-1", ExpectedRevision.noStream(), batch);
        List<StoredEvent> before = store.readAll(0, 100);

        AppendResult retried = store.append("Order-1", ExpectedRevision.noStream(), batch);

        assertThat(retried).isEqualTo(original);
        assertSameEvents(store.readAll(0, 100), before);
    }

    @Test
    void retryAfterOtherAppendsStillReturnsTheOriginalResult() {
        store.append("Order-1", ExpectedRevision.noStream(), events(2));
        List<NewEvent> batch = events(2);
        AppendResult original = store.append("Order-1", ExpectedRevision.exactly(1), batch);
        store.append("Order-1", ExpectedRevision.exactly(3), events(1));
        store.append("Order-2", ExpectedRevision.noStream(), events(1));

        AppendResult retried = store.append("Order-1", ExpectedRevision.exactly(1), batch);

        assertThat(retried).isEqualTo(original);
        assertThat(original.lastRevision()).isEqualTo(3);
        assertThat(store.streamRevision("Order-1")).isEqualTo(4);
        assertThat(store.readAll(0, 100)).hasSize(6);
    }

    @Test
    void retryingATailOfAStoredAppendIsAlsoARepeat() {
        List<NewEvent> batch = events(3);
        store.append("Order-1", ExpectedRevision.noStream(), batch);
        StoredEvent last = store.readStream("Order-1", 2, 1).get(0);

        AppendResult retried = store.append("Order-1", ExpectedRevision.any(), batch.subList(1, 3));

        assertThat(retried).isEqualTo(new AppendResult("Order-1", 2, last.globalPosition()));
        assertThat(store.readAll(0, 100)).hasSize(3);
    }

    @Test
    void partlyStoredBatchIsADuplicateAndStoresNothing() {
        List<NewEvent> stored = events(2);
        store.append("Order-1", ExpectedRevision.noStream(), stored);
        List<NewEvent> overlapping = List.of(stored.get(1), event("New"));

        DuplicateEventIdException error = catchThrowableOfType(DuplicateEventIdException.class,
                () -> store.append("Order-1", ExpectedRevision.any(), overlapping));

        assertThat(error).isNotNull();
        assertThat(error.eventId()).isEqualTo(stored.get(1).eventId());
        assertThat(error.streamId()).isEqualTo("Order-1");
        assertThat(store.readAll(0, 100)).hasSize(2);
    }

    @Test
    void storedIdsInAnotherOrderAreADuplicate() {
        List<NewEvent> stored = events(2);
        store.append("Order-1", ExpectedRevision.noStream(), stored);

        assertThatThrownBy(() -> store.append("Order-1", ExpectedRevision.any(), List.of(stored.get(1), stored.get(0))))
                .isInstanceOf(DuplicateEventIdException.class);
        assertThat(store.readAll(0, 100)).hasSize(2);
    }

    @Test
    void concurrentRetriesOfTheSameAppendStoreItOnce() throws Exception {
        int writers = 8;
        store.append("Order-1", ExpectedRevision.noStream(), events(1));
        List<NewEvent> batch = events(3);

        List<Object> outcomes = runConcurrently(writers,
                i -> () -> store.append("Order-1", ExpectedRevision.exactly(0), batch));

        AppendResult stored = new AppendResult("Order-1", 3, store.readStream("Order-1", 3, 1).get(0).globalPosition());
        assertThat(outcomes).as("every retry sees the one stored append").containsOnly(stored);
        assertThat(ids(store.readAll(0, 100)).subList(1, 4)).containsExactlyElementsOf(ids(batch));
        assertThat(store.readAll(0, 100)).hasSize(4);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void unknownStreamReadsEmptyWithRevisionMinusOne() {
        store.append("Order-1", ExpectedRevision.noStream(), events(1));

        assertThat(store.readStream("Order-2", 0, 10)).isEmpty();
        assertThat(store.streamRevision("Order-2")).isEqualTo(-1);
    }

    @Test
    void readStreamStartsAtARevisionAndStopsAtMaxCount() {
        List<NewEvent> batch = events(10);
        store.append("Order-1", ExpectedRevision.noStream(), batch);
        store.append("Order-2", ExpectedRevision.noStream(), events(3));

        List<StoredEvent> middle = store.readStream("Order-1", 4, 3);
        assertThat(revisions(middle)).containsExactly(4L, 5L, 6L);
        assertThat(ids(middle)).containsExactly(batch.get(4).eventId(), batch.get(5).eventId(), batch.get(6).eventId());

        assertThat(revisions(store.readStream("Order-1", 8, 100))).containsExactly(8L, 9L);
        assertThat(store.readStream("Order-1", 10, 100)).isEmpty();
        assertThat(store.readStream("Order-1", 1000, 100)).isEmpty();
    }

    @Test
    void hugeMaxCountReadsEverything() {
        store.append("Order-1", ExpectedRevision.noStream(), events(3));

        assertThat(store.readStream("Order-1", 1, Integer.MAX_VALUE)).hasSize(2);
        assertThat(store.readAll(1, Integer.MAX_VALUE)).hasSize(2);
    }

    @Test
    void readAllInBatchesReturnsEveryEventOnceInIncreasingPosition() {
        List<UUID> appended = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String stream : List.of("Order-1", "Order-2", "Account-1")) {
                List<NewEvent> batch = events(round + 1);
                store.append(stream, ExpectedRevision.any(), batch);
                batch.forEach(e -> appended.add(e.eventId()));
            }
        }

        List<StoredEvent> seen = readAllInBatches(store, 7);

        assertThat(ids(seen)).containsExactlyElementsOf(appended);
        assertIncreasingPositions(seen);
        assertThat(seen.get(0).globalPosition()).isPositive();
    }

    @Test
    void readAllContinuesAfterAGivenPosition() {
        store.append("Order-1", ExpectedRevision.noStream(), events(3));
        List<StoredEvent> all = store.readAll(0, 100);

        assertSameEvents(store.readAll(all.get(0).globalPosition(), 100), all.subList(1, 3));
        assertSameEvents(store.readAll(all.get(1).globalPosition(), 1), all.subList(2, 3));
        assertThat(store.readAll(all.get(2).globalPosition(), 100)).isEmpty();
    }

    @Test
    void readAllSeesEveryStreamInOneOrderConsistentWithEachStream() {
        store.append("A-1", ExpectedRevision.noStream(), events(2));
        store.append("B-1", ExpectedRevision.noStream(), events(2));
        store.append("A-1", ExpectedRevision.exactly(1), events(2));

        List<StoredEvent> all = store.readAll(0, 100);

        assertThat(all).extracting(StoredEvent::streamId).containsExactly("A-1", "A-1", "B-1", "B-1", "A-1", "A-1");
        assertThat(revisions(all)).containsExactly(0L, 1L, 0L, 1L, 2L, 3L);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void ofConcurrentAppendsAtTheSameRevisionExactlyOneWins() throws Exception {
        int writers = 8;
        store.append("Order-1", ExpectedRevision.noStream(), events(2));
        List<List<NewEvent>> batches = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            batches.add(events(3));
        }

        List<Object> outcomes = runConcurrently(writers,
                i -> () -> store.append("Order-1", ExpectedRevision.exactly(1), batches.get(i)));

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof AppendResult result) {
                winners.add(i);
                assertThat(result.lastRevision()).isEqualTo(4);
            } else {
                assertThat(outcome).as("writer %d", i).isInstanceOf(WrongExpectedRevisionException.class);
                assertWrongRevision((WrongExpectedRevisionException) outcome, "Order-1", ExpectedRevision.exactly(1), 4);
            }
        }
        assertThat(winners).hasSize(1);
        List<StoredEvent> stream = store.readStream("Order-1", 0, 100);
        assertThat(revisions(stream)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(ids(stream.subList(2, 5))).containsExactlyElementsOf(ids(batches.get(winners.get(0))));
        assertThat(store.readAll(0, 100)).hasSize(5);
    }

    @Test
    void concurrentCreationOfTheSameStreamHasExactlyOneWinner() throws Exception {
        int writers = 8;
        List<Object> outcomes = runConcurrently(writers,
                i -> () -> store.append("Order-1", ExpectedRevision.noStream(), events(2)));

        long wins = outcomes.stream().filter(AppendResult.class::isInstance).count();
        long conflicts = outcomes.stream().filter(WrongExpectedRevisionException.class::isInstance).count();
        assertThat(wins).isEqualTo(1);
        assertThat(conflicts).isEqualTo(writers - 1);
        assertThat(revisions(store.readAll(0, 100))).containsExactly(0L, 1L);
    }

    @Test
    void concurrentAppendsWithAnyAllSucceedWithContiguousRevisions() throws Exception {
        int writers = 8;
        int appendsPerWriter = 25;
        int eventsPerAppend = 2;
        Set<UUID> appended = ConcurrentHashMap.newKeySet();

        List<Object> outcomes = runConcurrently(writers, i -> () -> {
            for (int n = 0; n < appendsPerWriter; n++) {
                List<NewEvent> batch = events(eventsPerAppend);
                store.append("Order-1", ExpectedRevision.any(), batch);
                batch.forEach(e -> appended.add(e.eventId()));
            }
            return "done";
        });

        assertThat(outcomes).containsOnly("done");
        int total = writers * appendsPerWriter * eventsPerAppend;
        List<StoredEvent> stream = new ArrayList<>();
        for (long from = 0; ; ) {
            List<StoredEvent> page = store.readStream("Order-1", from, 64);
            if (page.isEmpty()) {
                break;
            }
            stream.addAll(page);
            from = page.get(page.size() - 1).streamRevision() + 1;
        }
        assertThat(stream).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(stream.get(i).streamRevision()).isEqualTo(i);
        }
        assertThat(new HashSet<>(ids(stream))).isEqualTo(appended).hasSize(total);
        assertThat(store.streamRevision("Order-1")).isEqualTo(total - 1);
        assertIncreasingPositions(stream);
    }

    @Test
    void batchesOfConcurrentAppendsWithAnyStayTogether() throws Exception {
        int writers = 8;
        int appendsPerWriter = 10;
        int eventsPerAppend = 3;

        runConcurrently(writers, i -> () -> {
            for (int n = 0; n < appendsPerWriter; n++) {
                store.append("Order-1", ExpectedRevision.any(), List.of(
                        event("W" + i + "-" + n + "-0"), event("W" + i + "-" + n + "-1"), event("W" + i + "-" + n + "-2")));
            }
            return "done";
        });

        List<StoredEvent> stream = store.readStream("Order-1", 0, Integer.MAX_VALUE);
        assertThat(stream).hasSize(writers * appendsPerWriter * eventsPerAppend);
        for (int start = 0; start < stream.size(); start += eventsPerAppend) {
            String batchName = stream.get(start).type().substring(0, stream.get(start).type().lastIndexOf('-'));
            for (int k = 0; k < eventsPerAppend; k++) {
                assertThat(stream.get(start + k).type()).isEqualTo(batchName + "-" + k);
            }
        }
    }

    @Test
    void aReaderFollowingReadAllSeesEveryEventOnceInOrderWhileWritersAppend() throws Exception {
        int writers = 6;
        int appendsPerWriter = 40;
        int eventsPerAppend = 2;
        int total = writers * appendsPerWriter * eventsPerAppend;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<List<StoredEvent>> reader = pool.submit(() -> {
                start.await();
                List<StoredEvent> seen = new ArrayList<>();
                long after = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                while (seen.size() < total && System.nanoTime() < deadline) {
                    List<StoredEvent> page = store.readAll(after, 16);
                    if (page.isEmpty()) {
                        Thread.sleep(1); // back off a little instead of hammering the store
                        continue;
                    }
                    seen.addAll(page);
                    after = page.get(page.size() - 1).globalPosition();
                }
                return seen;
            });
            List<Future<?>> writing = new ArrayList<>();
            Set<UUID> appended = ConcurrentHashMap.newKeySet();
            for (int w = 0; w < writers; w++) {
                String streamId = "Writer-" + w;
                writing.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < appendsPerWriter; n++) {
                        List<NewEvent> batch = events(eventsPerAppend);
                        ExpectedRevision expected = n == 0
                                ? ExpectedRevision.noStream()
                                : ExpectedRevision.exactly((long) n * eventsPerAppend - 1);
                        store.append(streamId, expected, batch);
                        batch.forEach(ev -> appended.add(ev.eventId()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writing) {
                writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            List<StoredEvent> seen = reader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(seen).hasSize(total);
            assertThat(new HashSet<>(ids(seen))).isEqualTo(appended).hasSize(total);
            assertIncreasingPositions(seen);
            Map<String, Long> nextRevision = new LinkedHashMap<>();
            for (StoredEvent event : seen) {
                long expected = nextRevision.getOrDefault(event.streamId(), 0L);
                assertThat(event.streamRevision()).as("revision of %s", event.streamId()).isEqualTo(expected);
                nextRevision.put(event.streamId(), expected + 1);
            }
            assertThat(nextRevision).hasSize(writers);
            assertSameEvents(seen, readAllInBatches(store, 100));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A new event with a fresh id, the fixed time, no metadata and a small JSON payload. */
    protected static NewEvent event(String type) {
        return event(type, Metadata.empty());
    }

    protected static NewEvent event(String type, Metadata metadata) {
        return event(type, metadata, ("{\"type\":\"" + type + "\"}").getBytes(UTF_8));
    }

    protected static NewEvent event(String type, Metadata metadata, byte[] payload) {
        return new NewEvent(UUID.randomUUID(), type, 1, OCCURRED_AT, metadata, payload);
    }

    protected static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event("Event" + i));
        }
        return events;
    }

    /** Every event of the store, read in pages of {@code batchSize}. */
    protected static List<StoredEvent> readAllInBatches(EventStore store, int batchSize) {
        List<StoredEvent> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<StoredEvent> page = store.readAll(after, batchSize);
            assertThat(page.size()).isLessThanOrEqualTo(batchSize);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).globalPosition();
        }
    }

    /** A task for writer {@code index}. */
    @FunctionalInterface
    protected interface Task {
        Callable<Object> forWriter(int index);
    }

    /**
     * Runs one task per thread, all released together by a latch, and returns each task's result
     * or the exception it threw, in writer order.
     */
    protected static List<Object> runConcurrently(int threads, Task task) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Object> body = task.forWriter(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return body.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("all writers started").isTrue();
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static void assertStored(StoredEvent actual, NewEvent expected, String streamId, long revision) {
        assertThat(actual.eventId()).as("eventId").isEqualTo(expected.eventId());
        assertThat(actual.streamId()).as("streamId").isEqualTo(streamId);
        assertThat(actual.streamRevision()).as("streamRevision").isEqualTo(revision);
        assertThat(actual.type()).as("type").isEqualTo(expected.type());
        assertThat(actual.schemaVersion()).as("schemaVersion").isEqualTo(expected.schemaVersion());
        assertThat(actual.occurredAt()).as("occurredAt").isEqualTo(expected.occurredAt());
        assertThat(actual.metadata()).as("metadata").isEqualTo(expected.metadata());
        assertThat(actual.payload()).as("payload").isEqualTo(expected.payload());
    }

    /** Compares stored events field by field ({@link StoredEvent#equals} compares payload arrays by identity). */
    protected static void assertSameEvents(List<StoredEvent> actual, List<StoredEvent> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            StoredEvent a = actual.get(i);
            StoredEvent e = expected.get(i);
            assertThat(a.globalPosition()).as("position of event %d", i).isEqualTo(e.globalPosition());
            assertStored(a, new NewEvent(e.eventId(), e.type(), e.schemaVersion(), e.occurredAt(), e.metadata(), e.payload()),
                    e.streamId(), e.streamRevision());
        }
    }

    protected static void assertWrongRevision(
            WrongExpectedRevisionException error, String streamId, ExpectedRevision expected, long actual) {
        assertThat(error).as("expected a WrongExpectedRevisionException").isNotNull();
        assertThat(error.streamId()).isEqualTo(streamId);
        assertThat(error.expected()).isEqualTo(expected);
        assertThat(error.actual()).isEqualTo(actual);
    }

    protected static void assertIncreasingPositions(List<StoredEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).globalPosition())
                    .as("position of event %d after %d", i, events.get(i - 1).globalPosition())
                    .isGreaterThan(events.get(i - 1).globalPosition());
        }
    }

    protected static List<Long> revisions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::streamRevision).toList();
    }

    protected static List<UUID> ids(List<?> events) {
        List<UUID> ids = new ArrayList<>();
        for (Object event : events) {
            ids.add(event instanceof StoredEvent stored ? stored.eventId() : ((NewEvent) event).eventId());
        }
        return ids;
    }

    private static byte[] jsonOfSize(int size) {
        byte[] json = new byte[size];
        Arrays.fill(json, (byte) 'x');
        json[0] = '"';
        json[size - 1] = '"';
        return json;
    }

    private static String printable(String streamId) {
        if (streamId == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        for (char c : streamId.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append("' (").append(streamId.length()).append(" chars)").toString();
    }

    // ---- schema versions ----

    @Test
    void aMixedVersionStreamReadsBackAsTheCurrentVersionThroughUpcasters() {
        io.factum.event.MixedVersionStreams.check(store);
    }
}
