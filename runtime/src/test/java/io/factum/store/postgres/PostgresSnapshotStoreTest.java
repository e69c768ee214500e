package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcSnapshotBehaviour;
import javax.sql.DataSource;

/** Snapshots and truncation against the real PostgreSQL server, in fresh tables per test. */
class PostgresSnapshotStoreTest extends JdbcSnapshotBehaviour {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();
    private final String prefix = PostgresTestDatabase.uniquePrefix();

    @Override
    protected JdbcEventStore newStore(boolean allowTruncation) {
        return PostgresEventStore.builder(dataSource).tablePrefix(prefix).allowTruncation(allowTruncation).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store) {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
    }
}
