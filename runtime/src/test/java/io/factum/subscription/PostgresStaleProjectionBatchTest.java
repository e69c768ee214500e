package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventEnvelope;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A projection batch in flight when its instance loses the lease (the projection blocks past the
 * lease inside its transaction): another instance takes over and commits, and the stale batch's
 * commit is refused by the fencing token and rolled back, so every event changed the read model
 * exactly once; in exclusive and in partitioned mode. (Until the stale transaction ends, the new owner's writes to the same rows wait
 * for it.) PostgreSQL only: on SQLite a batch holds the database's write lock, so nobody can
 * take over while it is in flight (the takeover waits for it instead).
 */
class PostgresStaleProjectionBatchTest extends LeaseTestSupport {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected JdbcEventStore newStore() {
        return PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store) {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + readModel());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private String readModel() {
        return store.tables().prefix() + "applied";
    }

    private void apply(EventEnvelope<Object> event, Connection connection) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + readModel() + " (position, times)"
                + " VALUES (?, 1) ON CONFLICT (position) DO UPDATE SET times = " + readModel() + ".times + 1")) {
            upsert.setLong(1, event.globalPosition());
            upsert.executeUpdate();
        }
    }

    private Subscription.Builder projection(String id, JdbcProjection projection) {
        return Subscription.builder("fleet", store, registry).projection(projection).instanceId(id)
                .leaseDuration(Duration.ofMillis(400)).pollInterval(Duration.ofMillis(50)).batchSize(5);
    }

    private void createReadModel() throws SQLException {
        store.createSchema();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + readModel() + " (position BIGINT PRIMARY KEY, times INT NOT NULL)");
        }
    }

    /** Applies each event; in the first, blocks (in the batch's transaction) until {@code resume}. */
    private JdbcProjection blockingOnce(CountDownLatch blocked, CountDownLatch resume) {
        return (event, connection) -> {
            apply(event, connection);
            if (blocked.getCount() > 0) {
                blocked.countDown();
                resume.await();
            }
        };
    }

    /** Per position, how many times it was applied to the read model. */
    private Map<Long, Integer> appliedTimes() throws SQLException {
        Map<Long, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT position, times FROM " + readModel());
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                applied.put(row.getLong(1), row.getInt(2));
            }
        }
        return applied;
    }

    @Test
    void theStaleBatchIsRolledBackAndNothingIsAppliedTwice() throws Exception {
        createReadModel();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        Subscription a = start(projection("a", blockingOnce(blocked, resume)).build());
        await(a::isActive, "a holds the lease");
        Subscription b = start(projection("b", this::apply).build());
        append(12);
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
        await(b::isActive, "b took over the lease of the blocked a");
        // b's first batch now waits for the read-model rows a's open transaction holds.
        resume.countDown();
        await(() -> a.lastError() instanceof LeaseLostException, "a's commit is refused");
        assertThat(a.lastError()).hasMessageContaining("instance a no longer holds its lease")
                .hasMessageContaining("was rolled back");
        append(3);
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        assertThat(appliedTimes()).hasSize(15).allSatisfy((position, times) -> assertThat(times).as("position %d", position).isEqualTo(1));
        assertThat(new JdbcCheckpointStore(store).load("fleet")).isEqualTo(store.lastPosition());
    }

    /**
     * Exclusive reset is atomic with the fencing: it checks that no live lease is held and writes the checkpoint in one
     * transaction, and forgets an expired owner, so an instance paused in a batch past its lease (nobody claimed it)
     * cannot commit that batch over the reset afterwards.
     */
    @Test
    void aResetFencesOutTheBatchOfAnOwnerPausedPastItsLease() throws Exception {
        createReadModel();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        Subscription a = start(projection("a", blockingOnce(blocked, resume)).build());
        await(a::isActive, "a holds the lease");
        append(5);
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
        await(() -> FleetStatus.of(store, "fleet").leases().stream().noneMatch(FleetStatus.Lease::live), "a's lease expired");
        projection("idle", this::apply).build().reset();
        resume.countDown();
        await(() -> a.lastError() instanceof LeaseLostException, "a's batch is refused after the reset");
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(appliedTimes()).hasSize(5).allSatisfy((position, times) -> assertThat(times).as("position %d", position).isEqualTo(1));
    }

    /** The same for partitioned mode: the blocked instance's slices are taken, its batch's fenced slice checkpoint is refused. */
    @Test
    void aStalePartitionedBatchIsRolledBackAndNothingIsAppliedTwice() throws Exception {
        createReadModel();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        SubscriptionMode partitioned = SubscriptionMode.partitioned(8);
        Subscription a = start(projection("a", blockingOnce(blocked, resume)).mode(partitioned).build());
        await(() -> Map.of("a", 8).equals(FleetStatus.of(store, "fleet").slicesByOwner()), "a holds every slice");
        append(12);
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
        Subscription b = start(projection("b", this::apply).mode(partitioned).build());
        await(() -> Map.of("b", 8).equals(FleetStatus.of(store, "fleet").slicesByOwner()), "b took every slice of the blocked a");
        // b's batch of a's slice now waits for the read-model row a's open transaction holds.
        resume.countDown();
        await(() -> a.lastError() instanceof LeaseLostException, "a's commit is refused");
        assertThat(a.lastError()).hasMessageContaining("instance a no longer holds its lease");
        append(3);
        assertThat(b.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        await(() -> FleetStatus.of(store, "fleet").lag() == 0, "lag 0");

        assertThat(appliedTimes()).hasSize(15).allSatisfy((position, times) -> assertThat(times).as("position %d", position).isEqualTo(1));
    }

    @Override
    protected List<String> storeArguments() {
        return List.of("postgres", PostgresTestDatabase.url(), store.tables().prefix());
    }
}
