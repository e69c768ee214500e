package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL outage as one instance sees it: its connections are killed on the server
 * ({@code pg_terminate_backend}, one of them mid-transaction in a projection batch) and new ones
 * are refused for a while. The instance commits nothing meanwhile, drops the lease it cannot renew,
 * and once the database is back takes the lease again and goes on: every event applied once.
 */
class PostgresOutageTest extends LeaseTestSupport {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected JdbcEventStore newStore() {
        return PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store) {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
        execute("DROP TABLE IF EXISTS " + readModel());
    }

    @Override
    protected List<String> storeArguments() {
        return List.of("postgres", PostgresTestDatabase.url(), store.tables().prefix());
    }

    private String readModel() {
        return store.tables().prefix() + "applied";
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long applied(String query) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anInstanceCutOffCommitsNothingDropsItsLeaseAndResumesCleanly() throws Exception {
        store.createSchema();
        execute("CREATE TABLE " + readModel() + " (position BIGINT PRIMARY KEY, times INT NOT NULL)");
        String application = "factum-outage-" + store.tables().prefix();
        PGSimpleDataSource instanceDataSource = new PGSimpleDataSource();
        instanceDataSource.setURL(PostgresTestDatabase.url());
        instanceDataSource.setApplicationName(application);
        AtomicBoolean down = new AtomicBoolean();
        JdbcEventStore instanceStore = PostgresEventStore.builder(new Unreachable(instanceDataSource, down))
                .tablePrefix(store.tables().prefix()).build();
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        releaseOnClose(resume);
        Subscription a = start(Subscription.builder("fleet", instanceStore, registry).instanceId("a")
                .projection((event, connection) -> {
                    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + readModel()
                            + " (position, times) VALUES (?, 1) ON CONFLICT (position) DO UPDATE SET times = "
                            + readModel() + ".times + 1")) {
                        upsert.setLong(1, event.globalPosition());
                        upsert.executeUpdate();
                    }
                    if (blocked.getCount() > 0) {
                        blocked.countDown();
                        resume.await();
                    }
                }).leaseDuration(Duration.ofMillis(600)).pollInterval(Duration.ofMillis(50)).batchSize(5).build());
        await(a::isActive, "a holds the lease");
        append(10);
        assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();

        down.set(true);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement kill = connection.prepareStatement(
                     "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, application);
            try (ResultSet row = kill.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("the batch's connection was killed").isPositive();
            }
        }
        resume.countDown();
        await(() -> a.lastError() != null, "a records the failure");
        await(() -> !a.isActive(), "a drops the lease it cannot renew");
        await(() -> FleetStatus.of(store, "fleet").leases().stream().noneMatch(FleetStatus.Lease::live), "the lease expired");
        append(5);
        Thread.sleep(300); // a few of a's heartbeats while down: it must commit nothing
        assertThat(applied("SELECT COUNT(*) FROM " + readModel())).as("rows committed while cut off").isZero();

        down.set(false);
        await(a::isActive, "a takes the lease again once the database is back");
        assertThat(a.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(applied("SELECT COUNT(*) FROM " + readModel() + " WHERE times = 1")).isEqualTo(15);
        assertThat(applied("SELECT COUNT(*) FROM " + readModel())).isEqualTo(15);
        assertThat(FleetStatus.of(store, "fleet").lag()).isZero();
    }

    /** The instance's way to the database: refuses new connections while {@code down}, like a server that is away. */
    private record Unreachable(DataSource delegate, AtomicBoolean down) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("connection refused (the test's outage)", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
