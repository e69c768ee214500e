package io.factum.subscription;


import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the lease tests share: a store, instances of one subscription, what each instance handled, child JVMs. */
public abstract class LeaseTestSupport {

    protected final EventTypeRegistry registry = Samples.registry();
    protected JdbcEventStore store;
    private final List<Subscription> started = new ArrayList<>();
    private final List<CountDownLatch> latches = new ArrayList<>();
    /** Position → the instances that handled it, in order. */
    protected final Map<Long, List<String>> handledBy = new ConcurrentHashMap<>();

    protected abstract JdbcEventStore newStore();

    protected abstract void dropTables(JdbcEventStore store);

    /** The arguments that open this test's store in a child JVM: {@code sqlite <file> <prefix>} or {@code postgres <url> <prefix>}. */
    protected abstract List<String> storeArguments();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    /** Counted down before the subscriptions are closed, so that a handler blocked on it lets its thread end. */
    protected void releaseOnClose(CountDownLatch latch) {
        latches.add(latch);
    }

    @AfterEach
    void closeAll() {
        latches.forEach(CountDownLatch::countDown);
        started.forEach(Subscription::close);
        dropTables(store);
    }

    protected void append(int count) {
        for (int i = 0; i < count; i++) {
            String id = "Order-" + store.lastPosition() + "-" + i;
            store.append(id, ExpectedRevision.noStream(), List.of(registry.encode(new OrderPlaced(id, "c"), Metadata.empty())));
        }
    }

    protected Subscription.Builder instance(String id, EnvelopeHandler handler) {
        return Subscription.builder("fleet", store, registry)
                .handler(handler, new JdbcCheckpointStore(store))
                .instanceId(id)
                .leaseDuration(Duration.ofMillis(1000))
                .pollInterval(Duration.ofMillis(50))
                .checkpointInterval(Duration.ZERO)
                .batchSize(5);
    }

    protected EnvelopeHandler recording(String id) {
        return event -> handledBy.computeIfAbsent(event.globalPosition(), p -> Collections.synchronizedList(new ArrayList<>()))
                .add(id);
    }

    protected Subscription start(Subscription subscription) {
        started.add(subscription);
        subscription.start();
        return subscription;
    }

    protected static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** Waits up to 60 s; {@code what} is evaluated on time-out, so it can describe the state then. */
    protected static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(10);
        }
    }

    protected ChildProcess child(List<ChildProcess> children, String instance) {
        List<String> arguments = new ArrayList<>(storeArguments());
        arguments.add(instance);
        arguments.add("1000");
        ChildProcess child = new ChildProcess(FleetHandlerMain.class, arguments);
        children.add(child);
        return child;
    }
}
