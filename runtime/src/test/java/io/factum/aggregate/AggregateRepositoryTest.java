package io.factum.aggregate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.EventBus;
import io.factum.bus.EventHandler;
import io.factum.bus.Registration;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.sample.ItemAdded;
import io.factum.sample.Order;
import io.factum.sample.OrderAggregateType;
import io.factum.sample.OrderCancelled;
import io.factum.sample.OrderConfirmed;
import io.factum.sample.OrderEvent;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AggregateRepositoryTest {

    private final EventTypeRegistry registry = Samples.registry();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AggregateRepository<Order, OrderEvent> orders =
            new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE);

    @Test
    void savedAggregateLoadsWithTheSameState() {
        Order order = Order.place("42", "Alice");
        order.addItem("book", 2);
        order.addItem("pen", 1);

        List<EventEnvelope<OrderEvent>> committed = orders.save(order);

        assertThat(committed).extracting(EventEnvelope::payload).containsExactly(
                new OrderPlaced("42", "Alice"), new ItemAdded("42", "book", 2), new ItemAdded("42", "pen", 1));
        assertThat(committed).extracting(EventEnvelope::streamRevision).containsExactly(0L, 1L, 2L);
        assertThat(committed).extracting(EventEnvelope::type).containsExactly("OrderPlaced", "ItemAdded", "ItemAdded");
        assertThat(committed).allSatisfy(e -> assertThat(e.streamId()).isEqualTo("Order-42"));
        assertThat(order.storedRevision()).isEqualTo(2);
        assertThat(order.uncommittedEvents()).isEmpty();

        Order loaded = orders.load("42");

        assertThat(loaded.id()).isEqualTo("42");
        assertThat(loaded.customer()).isEqualTo("Alice");
        assertThat(loaded.status()).isEqualTo(Order.Status.PENDING);
        assertThat(loaded.items()).containsExactly("2 x book", "1 x pen");
        assertThat(loaded.storedRevision()).isEqualTo(2);
        assertThat(loaded.revision()).isEqualTo(2);
        assertThat(loaded.uncommittedEvents()).isEmpty();
    }

    @Test
    void committedEnvelopesMatchWhatTheStoreHolds() {
        store.append("Other-1", ExpectedRevision.noStream(), List.of(foreignEvent()));
        Order order = Order.place("42", "Alice");
        order.addItem("book", 2);
        Metadata metadata = Metadata.empty().withCorrelationId(UUID.randomUUID()).withHeader("user", "alice");

        List<EventEnvelope<OrderEvent>> committed = orders.save(order, metadata);

        List<StoredEvent> stored = store.readStream("Order-42", 0, 10);
        assertThat(committed).hasSameSizeAs(stored);
        for (int i = 0; i < stored.size(); i++) {
            EventEnvelope<OrderEvent> envelope = committed.get(i);
            StoredEvent event = stored.get(i);
            assertThat(envelope.eventId()).isEqualTo(event.eventId());
            assertThat(envelope.streamRevision()).isEqualTo(event.streamRevision());
            assertThat(envelope.globalPosition()).isEqualTo(event.globalPosition());
            assertThat(envelope.type()).isEqualTo(event.type());
            assertThat(envelope.schemaVersion()).isEqualTo(event.schemaVersion());
            assertThat(envelope.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(envelope.metadata()).isEqualTo(metadata).isEqualTo(event.metadata());
            assertThat(registry.envelope(event)).isEqualTo(envelope);
        }
        assertThat(committed.get(0).globalPosition()).isEqualTo(2);
    }

    @Test
    void revisionAdvancesWithEverySave() {
        Order order = Order.place("42", "Alice");
        orders.save(order);
        order.addItem("book", 1);
        assertThat(order.storedRevision()).isEqualTo(0);
        assertThat(order.revision()).isEqualTo(1);

        orders.save(order);
        Order loaded = orders.load("42");
        loaded.confirm();
        List<EventEnvelope<OrderEvent>> committed = orders.save(loaded);

        assertThat(committed).singleElement().satisfies(e -> {
            assertThat(e.streamRevision()).isEqualTo(2);
            assertThat(e.payload()).isEqualTo(new OrderConfirmed("42"));
        });
        assertThat(loaded.storedRevision()).isEqualTo(2);
        assertThat(store.streamRevision("Order-42")).isEqualTo(2);
        assertThat(orders.load("42").status()).isEqualTo(Order.Status.CONFIRMED);
    }

    @Test
    void savingWithNothingRecordedIsANoOp() {
        orders.save(Order.place("42", "Alice"));
        Order loaded = orders.load("42");

        assertThat(orders.save(loaded)).isEmpty();
        loaded.cancel("changed my mind");
        orders.save(loaded);
        loaded.cancel("again"); // already cancelled: records nothing

        assertThat(orders.save(loaded)).isEmpty();
        assertThat(store.readAll(0, 100)).hasSize(2);
    }

    @Test
    void missingAggregateIsEmptyOrATypedError() {
        assertThat(orders.find("404")).isEmpty();

        AggregateNotFoundException error = catchThrowableOfType(AggregateNotFoundException.class, () -> orders.load("404"));

        assertThat(error).isNotNull();
        assertThat(error.aggregateType()).isEqualTo("Order");
        assertThat(error.aggregateId()).isEqualTo("404");
        assertThat(error.streamId()).isEqualTo("Order-404");
        assertThat(error).hasMessageContaining("Order").hasMessageContaining("'404'").hasMessageContaining("'Order-404'");
    }

    @Test
    void concurrentModificationIsDetectedAndStoresNothing() {
        Order order = Order.place("42", "Alice");
        order.addItem("book", 1);
        orders.save(order);
        Order first = orders.load("42");
        Order second = orders.load("42");

        first.confirm();
        orders.save(first);
        second.cancel("out of stock");
        WrongExpectedRevisionException error =
                catchThrowableOfType(WrongExpectedRevisionException.class, () -> orders.save(second));

        assertThat(error).isNotNull();
        assertThat(error.streamId()).isEqualTo("Order-42");
        assertThat(error.expected()).isEqualTo(ExpectedRevision.exactly(1));
        assertThat(error.actual()).isEqualTo(2);
        assertThat(store.readStream("Order-42", 0, 100)).extracting(StoredEvent::type)
                .containsExactly("OrderPlaced", "ItemAdded", "OrderConfirmed");
        assertThat(second.uncommittedEvents()).containsExactly(new OrderCancelled("42", "out of stock"));
        assertThat(second.storedRevision()).isEqualTo(1);
        assertThat(orders.load("42").status()).isEqualTo(Order.Status.CONFIRMED);
    }

    @Test
    void ofConcurrentSavesOfTheSameLoadedRevisionExactlyOneWins() throws Exception {
        orders.save(Order.place("42", "Alice"));
        int threads = 8;
        CountDownLatch loaded = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String sku = "sku-" + i;
                outcomes.add(pool.submit(() -> {
                    Order order = orders.load("42");
                    order.addItem(sku, 1);
                    loaded.countDown();
                    loaded.await(60, TimeUnit.SECONDS); // every thread holds revision 0 before anyone saves
                    try {
                        orders.save(order);
                        return sku;
                    } catch (WrongExpectedRevisionException e) {
                        return "conflict at " + e.actual();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            List<String> winners = results.stream().filter(r -> r.startsWith("sku-")).toList();
            assertThat(winners).hasSize(1);
            assertThat(results).filteredOn("conflict at 1"::equals).hasSize(threads - 1);
            assertThat(orders.load("42").items()).containsExactly("1 x " + winners.get(0));
            assertThat(store.readAll(0, 100)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void creatingAnAggregateThatAlreadyExistsConflicts() {
        orders.save(Order.place("42", "Alice"));

        WrongExpectedRevisionException error = catchThrowableOfType(WrongExpectedRevisionException.class,
                () -> orders.save(Order.place("42", "Bob")));

        assertThat(error).isNotNull();
        assertThat(error.expected()).isEqualTo(ExpectedRevision.noStream());
        assertThat(error.actual()).isEqualTo(0);
        assertThat(orders.load("42").customer()).isEqualTo("Alice");
    }

    @Test
    void retryingASaveWhoseAcknowledgementWasLostStoresTheEventsOnce() {
        FlakyStore flaky = new FlakyStore(store);
        AggregateRepository<Order, OrderEvent> repository = new AggregateRepository<>(flaky, registry, OrderAggregateType.INSTANCE);
        Order order = Order.place("42", "Alice");
        order.addItem("book", 1);
        flaky.loseNextAcknowledgement = true;

        assertThatThrownBy(() -> repository.save(order)).hasMessage("connection lost after commit");
        assertThat(order.uncommittedEvents()).hasSize(2);
        assertThat(store.readAll(0, 100)).hasSize(2);

        List<EventEnvelope<OrderEvent>> committed = repository.save(order);

        assertThat(store.readAll(0, 100)).hasSize(2);
        assertThat(committed).extracting(EventEnvelope::eventId)
                .containsExactlyElementsOf(store.readAll(0, 100).stream().map(StoredEvent::eventId).toList());
        assertThat(order.storedRevision()).isEqualTo(1);
        assertThat(order.uncommittedEvents()).isEmpty();
    }

    @Test
    void retryAfterALostAcknowledgementKeepsTheOriginalRevisionsEvenIfOthersAppendedSince() {
        orders.save(Order.place("42", "Alice"));
        FlakyStore flaky = new FlakyStore(store);
        AggregateRepository<Order, OrderEvent> repository = new AggregateRepository<>(flaky, registry, OrderAggregateType.INSTANCE);
        Order order = repository.load("42");
        order.addItem("book", 1);
        order.addItem("pen", 1);
        flaky.loseNextAcknowledgement = true;
        assertThatThrownBy(() -> repository.save(order)).hasMessage("connection lost after commit");
        Order other = orders.load("42");
        other.confirm();
        orders.save(other);

        List<EventEnvelope<OrderEvent>> committed = repository.save(order);

        assertThat(committed).extracting(EventEnvelope::streamRevision).containsExactly(1L, 2L);
        assertThat(order.storedRevision()).isEqualTo(2);
        assertThat(store.streamRevision("Order-42")).isEqualTo(3);
    }

    @Test
    void retryingASaveThatFailedBeforeCommitStoresTheEventsOnce() {
        FlakyStore flaky = new FlakyStore(store);
        AggregateRepository<Order, OrderEvent> repository = new AggregateRepository<>(flaky, registry, OrderAggregateType.INSTANCE);
        Order order = Order.place("42", "Alice");
        flaky.failNextAppend = true;

        assertThatThrownBy(() -> repository.save(order)).hasMessage("connection lost before commit");
        assertThat(store.readAll(0, 100)).isEmpty();
        repository.save(order);

        assertThat(store.readAll(0, 100)).hasSize(1);
        assertThat(order.storedRevision()).isEqualTo(0);
    }

    @Test
    void corruptPayloadIsADecodingErrorNamingWhereTheEventIs() {
        store.append("Other-1", ExpectedRevision.noStream(), List.of(foreignEvent()));
        orders.save(Order.place("42", "Alice"));
        store.append("Order-42", ExpectedRevision.exactly(0),
                List.of(stored("ItemAdded", "{\"orderId\":\"42\",\"sku\":\"bo")));

        EventDecodingException error = catchThrowableOfType(EventDecodingException.class, () -> orders.load("42"));

        assertThat(error).isNotNull();
        assertThat(error.eventType()).isEqualTo("ItemAdded");
        assertThat(error.location()).isEqualTo(new EventDecodingException.Location("Order-42", 1, 3, 1));
        assertThat(error).hasMessageContaining("Order-42").hasMessageContaining("revision 1")
                .hasMessageContaining("global position 3").hasMessageContaining("ItemAdded");
    }

    @Test
    void missingRequiredPropertyIsADecodingErrorNamingTheProperty() {
        store.append("Order-42", ExpectedRevision.noStream(), List.of(stored("OrderPlaced", "{\"orderId\":\"42\"}")));

        EventDecodingException error = catchThrowableOfType(EventDecodingException.class, () -> orders.load("42"));

        assertThat(error).isNotNull();
        assertThat(error.property()).isEqualTo("customer");
        assertThat(error.location()).isEqualTo(new EventDecodingException.Location("Order-42", 0, 1, 1));
    }

    @Test
    void unknownStoredTypeIsATypedError() {
        orders.save(Order.place("42", "Alice"));
        store.append("Order-42", ExpectedRevision.exactly(0), List.of(stored("OrderExploded", "{}")));

        UnknownEventTypeException error = catchThrowableOfType(UnknownEventTypeException.class, () -> orders.load("42"));

        assertThat(error).isNotNull();
        assertThat(error.type()).isEqualTo("OrderExploded");
        assertThat(error.streamId()).isEqualTo("Order-42");
        assertThat(error.streamRevision()).isEqualTo(1);
        assertThat(error.globalPosition()).isEqualTo(2);
    }

    @Test
    void replayReadsLongStreamsInBatches() {
        Order order = Order.place("42", "Alice");
        int items = 2 * AggregateRepository.REPLAY_BATCH_SIZE - 1; // with the placement: exactly two full batches
        for (int i = 0; i < items; i++) {
            order.addItem("sku-" + i, 1);
        }
        orders.save(order);

        Order loaded = orders.load("42");

        assertThat(loaded.items()).hasSize(items).endsWith("1 x sku-" + (items - 1));
        assertThat(loaded.storedRevision()).isEqualTo(items);
        loaded.addItem("one-more", 1);
        orders.save(loaded);
        assertThat(orders.load("42").items()).hasSize(items + 1);
    }

    @Test
    void committedEventsArePublishedAfterTheAppend() {
        RecordingBus bus = new RecordingBus(store);
        AggregateRepository<Order, OrderEvent> repository =
                new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE, bus);
        Order order = Order.place("42", "Alice");
        order.addItem("book", 1);

        List<EventEnvelope<OrderEvent>> committed = repository.save(order);

        assertThat(bus.published).containsExactlyElementsOf(committed);
        assertThat(bus.storedWhenPublished).containsExactly(true, true);
    }

    @Test
    void nothingIsPublishedWhenTheAppendFails() {
        RecordingBus bus = new RecordingBus(store);
        AggregateRepository<Order, OrderEvent> repository =
                new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE, bus);
        repository.save(Order.place("42", "Alice"));
        Order stale = repository.load("42");
        Order fresh = repository.load("42");
        fresh.confirm();
        repository.save(fresh);
        bus.published.clear();

        stale.cancel("too late");
        assertThatThrownBy(() -> repository.save(stale)).isInstanceOf(WrongExpectedRevisionException.class);
        assertThatThrownBy(() -> repository.save(Order.place("42", "Bob"))).isInstanceOf(WrongExpectedRevisionException.class);

        assertThat(bus.published).isEmpty();
    }

    @Test
    void aFailingSubscriberDoesNotUndoTheSave() {
        EventBus failing = new RecordingBus(store) {
            @Override
            public void publish(EventEnvelope<?> envelope) {
                throw new IllegalStateException("subscriber failed");
            }
        };
        AggregateRepository<Order, OrderEvent> repository =
                new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE, failing);
        Order order = Order.place("42", "Alice");

        assertThatThrownBy(() -> repository.save(order)).hasMessage("subscriber failed");

        assertThat(order.storedRevision()).isEqualTo(0);
        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(store.streamRevision("Order-42")).isEqualTo(0);
    }

    @Test
    void savingAnAggregateWithoutIdIsAClearError() {
        Order order = Order.place(null, "Alice");

        assertThatThrownBy(() -> orders.save(order))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Order")
                .hasMessageContaining("id() is null");
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    private static NewEvent foreignEvent() {
        return stored("SomethingElse", "{}");
    }

    private static NewEvent stored(String type, String json) {
        return new NewEvent(UUID.randomUUID(), type, 1, Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(), json.getBytes(UTF_8));
    }

    /** Delegates to a real store and fails one append on request, before or after it commits. */
    private static final class FlakyStore implements EventStore {
        private final EventStore delegate;
        boolean failNextAppend;
        boolean loseNextAcknowledgement;

        FlakyStore(EventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
            if (failNextAppend) {
                failNextAppend = false;
                throw new IllegalStateException("connection lost before commit");
            }
            AppendResult result = delegate.append(streamId, expected, events);
            if (loseNextAcknowledgement) {
                loseNextAcknowledgement = false;
                throw new IllegalStateException("connection lost after commit");
            }
            return result;
        }

        @Override
        public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
            return delegate.readStream(streamId, fromRevision, maxCount);
        }

        @Override
        public List<StoredEvent> readAll(long afterPosition, int maxCount) {
            return delegate.readAll(afterPosition, maxCount);
        }

        @Override
        public long streamRevision(String streamId) {
            return delegate.streamRevision(streamId);
        }
    }

    /** Records what is published, and whether the event was already in the store at that moment. */
    private static class RecordingBus implements EventBus {
        final List<EventEnvelope<?>> published = new ArrayList<>();
        final List<Boolean> storedWhenPublished = new ArrayList<>();
        private final EventStore store;

        RecordingBus(EventStore store) {
            this.store = store;
        }

        @Override
        public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public void publish(EventEnvelope<?> envelope) {
            published.add(envelope);
            storedWhenPublished.add(store.readStream(envelope.streamId(), envelope.streamRevision(), 1).stream()
                    .anyMatch(e -> e.eventId().equals(envelope.eventId())));
        }
    }
}
