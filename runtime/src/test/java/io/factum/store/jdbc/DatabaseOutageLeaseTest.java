package io.factum.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.sqlite.SqliteEventStore;
import io.factum.subscription.FleetStatus;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database outage under an exclusive subscription: the owner cannot renew, so it stops holding
 * the lease once it may have expired; every instance records the error and keeps trying; when the
 * database is back one instance takes the lease and goes on from the checkpoint, every event once.
 */
class DatabaseOutageLeaseTest {

    private final EventTypeRegistry registry = Samples.registry();
    private final Map<Long, List<String>> handledBy = new ConcurrentHashMap<>();
    private final List<Subscription> started = new ArrayList<>();
    private volatile boolean down;

    @TempDir
    Path directory;

    /** Connections of the real file, or an error while the database is "down". */
    private final class Outage extends ForwardingDataSource {
        Outage(DataSource delegate) {
            super(delegate);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("database unreachable (test outage)");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }
    }

    @AfterEach
    void closeAll() {
        down = false;
        started.forEach(Subscription::close);
    }

    private Subscription instance(JdbcEventStore store, String id) {
        return instance(store, id, SubscriptionMode.exclusive());
    }

    private Subscription instance(JdbcEventStore store, String id, SubscriptionMode mode) {
        Subscription subscription = Subscription.builder("fleet", store, registry)
                .mode(mode)
                .handler(event -> handledBy.computeIfAbsent(event.globalPosition(),
                        p -> Collections.synchronizedList(new ArrayList<>())).add(id), new JdbcCheckpointStore(store))
                .instanceId(id)
                .leaseDuration(Duration.ofMillis(300))
                .pollInterval(Duration.ofMillis(30))
                .build();
        started.add(subscription);
        return subscription;
    }

    private static void append(JdbcEventStore store, int count) {
        for (int i = 0; i < count; i++) {
            String id = "Order-" + store.lastPosition();
            store.append(id, ExpectedRevision.noStream(),
                    List.of(Samples.registry().encode(new OrderPlaced(id, "c"), Metadata.empty())));
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void theOwnerGivesUpALeaseItCannotRenewAndTheFleetResumesCleanly() throws InterruptedException {
        DataSource file = SqliteEventStore.dataSource(directory.resolve("events.db"));
        JdbcEventStore writer = SqliteEventStore.builder(file).build();
        JdbcEventStore flaky = SqliteEventStore.builder(new Outage(file)).build();
        append(writer, 5);
        Subscription a = instance(flaky, "a");
        a.start();
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        Subscription b = instance(flaky, "b");
        b.start();
        assertThat(a.isActive()).isTrue();

        down = true;
        await(() -> !a.isActive(), "a gives up the lease it cannot renew");
        await(() -> a.lastError() instanceof JdbcStoreException && b.lastError() instanceof JdbcStoreException,
                "both record the outage");
        assertThat(b.isActive()).isFalse();

        down = false;
        append(writer, 5);
        await(() -> handledBy.size() == 10, "the fleet resumes");
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(handledBy).allSatisfy((position, by) -> assertThat(by).hasSize(1));
        assertThat(a.isActive() ^ b.isActive()).as("exactly one owner").isTrue();
        assertThat(new JdbcCheckpointStore(writer).load("fleet")).isEqualTo(writer.lastPosition());
    }

    @Test
    void partitionedInstancesDropTheSlicesTheyCannotRenewAndShareThemOutAgainOnceTheDatabaseIsBack()
            throws InterruptedException {
        DataSource file = SqliteEventStore.dataSource(directory.resolve("events.db"));
        JdbcEventStore writer = SqliteEventStore.builder(file).build();
        JdbcEventStore flaky = SqliteEventStore.builder(new Outage(file)).build();
        append(writer, 5);
        Subscription a = instance(flaky, "a", SubscriptionMode.partitioned(8));
        Subscription b = instance(flaky, "b", SubscriptionMode.partitioned(8));
        a.start();
        b.start();
        await(() -> a.isActive() && b.isActive(), "both hold slices");
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        down = true;
        await(() -> !a.isActive() && !b.isActive(), "both give up the slices they cannot renew");
        await(() -> a.lastError() instanceof JdbcStoreException && b.lastError() instanceof JdbcStoreException,
                "both record the outage");
        append(writer, 5);
        assertThat(handledBy).as("nothing delivered while no lease is held").hasSize(5);

        down = false;
        append(writer, 5);
        await(() -> handledBy.size() == 15, "the fleet resumes");
        await(() -> a.isActive() && b.isActive(), "both hold slices again");
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(handledBy).allSatisfy((position, by) -> assertThat(by).hasSize(1));
        assertThat(a.position()).isEqualTo(writer.lastPosition());
        await(() -> FleetStatus.of(writer, "fleet").slicesByOwner().equals(Map.of("a", 4, "b", 4)),
                "each holds its fair share again");
    }
}
