package io.factum.benchmarks.replay;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.axon.AxonOrder;
import io.factum.aggregate.AggregateRepository;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.HandWrittenDispatch;
import io.factum.benchmarks.domain.Order;
import io.factum.benchmarks.domain.OrderAggregateType;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectReader;

/**
 * Rebuilding an order from its 1,000 events. Scores are nanoseconds per event.
 *
 * <p>Decoded events: Factum's generated dispatcher, Axon 4.13 (a full repository load, and its apply
 * path alone) and a hand-written {@code instanceof} chain, all over the same event objects. From JSON
 * bytes: Factum's generated replay (bytes straight to apply calls) against decoding each payload with
 * Jackson's {@code JsonMapper} and then applying it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BenchmarkSettings.STREAM_LENGTH)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class ReplayBenchmark {

    private static final OrderAggregateType ORDER = OrderAggregateType.INSTANCE;

    List<OrderEvent> events;
    List<StoredEvent> storedEvents;
    Map<String, ObjectReader> jsonMapperReaders;
    EventTypeRegistry registry;
    private AggregateRepository<Order, OrderEvent> factumRepository;

    private List<DomainEventMessage<?>> axonMessages;
    private AggregateModel<AxonOrder> axonModel;
    private EmbeddedEventStore axonStore;
    private EventSourcingRepository<AxonOrder> axonRepository;
    private final String orderId = OrderHistory.ORDER_ID.toString();

    @Setup(Level.Trial)
    public void setUp() {
        events = OrderHistory.events(OrderHistory.ORDER_ID, BenchmarkSettings.STREAM_LENGTH);
        registry = EventTypeRegistry.of(new DomainFactumModule());
        storedEvents = SampleStream.stored(registry, events);
        jsonMapperReaders = SampleStream.jsonMapperReaders();

        factumRepository = SampleStream.factumRepository(registry, events, orderId);

        axonMessages = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            axonMessages.add(new GenericDomainEventMessage<>("AxonOrder", orderId, i, events.get(i)));
        }
        axonModel = AnnotatedAggregateMetaModelFactory.inspectAggregate(AxonOrder.class);
        // One store per aggregate: InMemoryEventStorageEngine scans every stored event on load.
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(axonMessages);
        axonStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        axonRepository = EventSourcingRepository.builder(AxonOrder.class)
                .eventStore(axonStore)
                .aggregateModel(axonModel)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        axonStore.shutDown();
    }

    /** The limit: a hand-written {@code instanceof} chain calling the apply methods directly. */
    @Benchmark
    public Order handWrittenSwitch() {
        Order order = new Order();
        for (OrderEvent event : events) {
            HandWrittenDispatch.apply(order, event);
        }
        return order;
    }

    /** Factum: the generated {@code OrderAggregateType.apply}, an {@code instanceof} chain of direct calls. */
    @Benchmark
    public Order factumGeneratedApply() {
        Order order = ORDER.newInstance();
        for (OrderEvent event : events) {
            ORDER.apply(order, event);
        }
        order.replayedTo(events.size() - 1);
        return order;
    }

    /** Factum: {@code AggregateRoot.replayed}, which finds the generated type once and applies through it. */
    @Benchmark
    public Order factumAggregateReplayed() {
        Order order = ORDER.newInstance();
        long revision = 0;
        for (OrderEvent event : events) {
            order.replayed(event, revision++);
        }
        return order;
    }

    /** Factum: the generated {@code OrderAggregateType.replay}, from stored JSON bytes straight to apply calls. */
    @Benchmark
    public Order factumReplayFromJson() {
        Order order = ORDER.newInstance();
        for (StoredEvent stored : storedEvents) {
            ORDER.replay(order, stored, registry);
        }
        order.replayedTo(storedEvents.size() - 1);
        return order;
    }

    /**
     * Factum's whole load: {@code AggregateRepository.load} from the in-memory store, which reads the
     * stored JSON and replays it. Unlike Axon's in-memory engine, which keeps event objects, this includes
     * decoding every payload.
     */
    @Benchmark
    public Order factumRepositoryLoad() {
        return factumRepository.load(orderId);
    }

    /** Axon 4.13: {@code EventSourcingRepository.load} inside a unit of work, as a command handler would. */
    @Benchmark
    public AxonOrder axonRepositoryLoad() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return axonRepository.load(orderId).invoke(Function.identity());
        } finally {
            unitOfWork.commit();
        }
    }

    /** Axon 4.13's apply path alone: its aggregate model publishing each event message to the aggregate. */
    @Benchmark
    public AxonOrder axonApplyOnly() {
        AxonOrder order = new AxonOrder();
        for (DomainEventMessage<?> message : axonMessages) {
            axonModel.publish(message, order);
        }
        return order;
    }

    /** Jackson's {@code JsonMapper} decodes each stored payload, then the hand-written chain applies it. */
    @Benchmark
    public Order jsonMapperDecodeThenApply() {
        Order order = new Order();
        for (StoredEvent stored : storedEvents) {
            OrderEvent event = jsonMapperReaders.get(stored.type()).readValue(stored.payload());
            HandWrittenDispatch.apply(order, event);
        }
        return order;
    }
}
