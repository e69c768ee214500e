package io.factum.benchmarks.axon5;

import io.factum.aggregate.AggregateRepository;
import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.HandWrittenDispatch;
import io.factum.benchmarks.domain.Order;
import io.factum.benchmarks.domain.OrderAggregateType;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.benchmarks.replay.SampleStream;
import io.factum.event.EventTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.configuration.AxonConfiguration;
import org.axonframework.eventsourcing.configuration.EventSourcedEntityModule;
import org.axonframework.eventsourcing.configuration.EventSourcingConfigurer;
import org.axonframework.eventsourcing.eventstore.AppendCondition;
import org.axonframework.eventsourcing.eventstore.GenericTaggedEventMessage;
import org.axonframework.eventsourcing.eventstore.TaggedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.core.MessageType;
import org.axonframework.messaging.core.unitofwork.UnitOfWorkFactory;
import org.axonframework.messaging.eventhandling.GenericEventMessage;
import org.axonframework.messaging.eventstreaming.Tag;
import org.axonframework.modelling.StateManager;
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

/**
 * Rebuilding an order from its 1,000 events on a JDK 21+: Axon Framework 5's load of an annotated event-sourced
 * entity beside Factum's generated replay and repository load and the hand-written {@code instanceof} chain, in the
 * same JMH run, over the same event records as {@code ReplayBenchmark} in the benchmarks module. Scores are
 * nanoseconds per event.
 *
 * <p>Axon 5 is used as its reference guide shows: an {@code @EventSourcedEntity} registered through
 * {@code EventSourcedEntityModule.autodetected}, its in-memory event storage engine, and a load through the
 * configuration's {@link StateManager} inside a unit of work from its {@link UnitOfWorkFactory}, as a command
 * handler's would. As for Axon 4, the engine holds this one order's events only (Axon's in-memory engine scans every
 * stored event on load); the events are appended to it tagged with the order id, which is how Axon 5 finds them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BenchmarkSettings.STREAM_LENGTH)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class Axon5ReplayBenchmark {

    private static final OrderAggregateType ORDER = OrderAggregateType.INSTANCE;

    List<OrderEvent> events;
    private AggregateRepository<Order, OrderEvent> factumRepository;
    private AxonConfiguration axon;
    private StateManager axonStates;
    private UnitOfWorkFactory axonUnitsOfWork;
    private final String orderId = OrderHistory.ORDER_ID.toString();

    @Setup(Level.Trial)
    public void setUp() {
        events = OrderHistory.events(OrderHistory.ORDER_ID, BenchmarkSettings.STREAM_LENGTH);

        factumRepository = SampleStream.factumRepository(
                EventTypeRegistry.of(new DomainFactumModule()), events, orderId);

        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(AppendCondition.none(), null, tagged(events))
                .thenCompose(transaction -> transaction.commit(null))
                .join();
        axon = EventSourcingConfigurer.create()
                .registerEventStorageEngine(configuration -> engine)
                .registerEntity(EventSourcedEntityModule.autodetected(String.class, Axon5Order.class))
                .build();
        axon.start();
        axonStates = axon.getComponent(StateManager.class);
        axonUnitsOfWork = axon.getComponent(UnitOfWorkFactory.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        axon.shutdown();
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

    /** Factum's whole load: {@code AggregateRepository.load} from the in-memory store, decoding every payload. */
    @Benchmark
    public Order factumRepositoryLoad() {
        return factumRepository.load(orderId);
    }

    /** Axon 5: the entity loaded through the state manager inside a unit of work, as a command handler would. */
    @Benchmark
    public Axon5Order axon5EntityLoad() {
        return axonUnitsOfWork.create()
                .executeWithResult(context -> axonStates.loadEntity(Axon5Order.class, orderId, context))
                .join();
    }

    /** The same record instances as Axon 5 event messages, each tagged with the order id. */
    private static List<TaggedEventMessage<?>> tagged(List<OrderEvent> events) {
        List<TaggedEventMessage<?>> messages = new ArrayList<>(events.size());
        for (OrderEvent event : events) {
            GenericEventMessage message = new GenericEventMessage(new MessageType(event.getClass()), event);
            messages.add(new GenericTaggedEventMessage<>(message,
                    Set.of(Tag.of(Axon5Order.TAG, event.orderId().toString()))));
        }
        return messages;
    }
}
