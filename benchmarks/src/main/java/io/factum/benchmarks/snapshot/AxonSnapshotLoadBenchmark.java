package io.factum.benchmarks.snapshot;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.axon.AxonOrder;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Axon 4.13's side of {@link SnapshotLoadBenchmark}: {@code EventSourcingRepository.load} of the same order
 * ({@code events} events), with a snapshot at the head (taken by its {@code AggregateSnapshotter}, the
 * repository configured with an {@code EventCountSnapshotTriggerDefinition}) and without. Storage is
 * Axon's {@code InMemoryEventStorageEngine}, as in the replay benchmark's Axon peer: it keeps event and
 * snapshot objects (no serialisation, no database; the snapshot's payload is the aggregate object itself),
 * but it finds an aggregate's events by scanning all it holds. Scores are microseconds per load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class AxonSnapshotLoadBenchmark {

    @Param({"" + SnapshotLoadBenchmark.SHORT, "" + SnapshotLoadBenchmark.LONG})
    public int events;

    private final String orderId = OrderHistory.ORDER_ID.toString();
    private EmbeddedEventStore snapshotStore;
    private EmbeddedEventStore plainStore;
    private EventSourcingRepository<AxonOrder> withSnapshot;
    private EventSourcingRepository<AxonOrder> withoutSnapshot;

    @Setup(Level.Trial)
    public void setUp() {
        List<OrderEvent> history = OrderHistory.events(OrderHistory.ORDER_ID, events);
        List<DomainEventMessage<?>> messages = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("AxonOrder", orderId, i, history.get(i)));
        }
        AggregateModel<AxonOrder> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(AxonOrder.class);
        // Two stores: Axon's event store reads the snapshot whenever one exists, so the plain load needs its own.
        plainStore = store(messages);
        snapshotStore = store(messages);
        withoutSnapshot = EventSourcingRepository.builder(AxonOrder.class)
                .eventStore(plainStore)
                .aggregateModel(model)
                .build();
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(snapshotStore)
                .aggregateFactories(new GenericAggregateFactory<>(AxonOrder.class))
                .build();
        withSnapshot = EventSourcingRepository.builder(AxonOrder.class)
                .eventStore(snapshotStore)
                .aggregateModel(model)
                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, events))
                .build();
        // Outside a unit of work the snapshotter runs at once, on this thread (its default executor).
        snapshotter.scheduleSnapshot(AxonOrder.class, orderId);
        // What a load reads from then on: the snapshot alone, at the last event's sequence number.
        List<? extends DomainEventMessage<?>> read = snapshotStore.readEvents(orderId).asStream().toList();
        if (read.size() != 1 || read.get(0).getSequenceNumber() != events - 1
                || !(read.get(0).getPayload() instanceof AxonOrder)) {
            throw new IllegalStateException("Axon's load reads " + read.size() + " messages, expected its snapshot at "
                    + (events - 1) + " alone");
        }
    }

    private static EmbeddedEventStore store(List<DomainEventMessage<?>> messages) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(messages);
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        snapshotStore.shutDown();
        plainStore.shutDown();
    }

    /** Axon 4.13: the snapshot at the head, then the (no) events after it, inside a unit of work. */
    @Benchmark
    public AxonOrder axonLoadWithSnapshot() {
        return load(withSnapshot);
    }

    /** Axon 4.13 without snapshots: every event replayed, inside a unit of work. */
    @Benchmark
    public AxonOrder axonLoadWithoutSnapshot() {
        return load(withoutSnapshot);
    }

    private AxonOrder load(EventSourcingRepository<AxonOrder> repository) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(orderId).invoke(Function.identity());
        } finally {
            unitOfWork.commit();
        }
    }
}
