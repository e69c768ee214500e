package io.factum.store.postgres;

import io.factum.store.EventStore;
import io.factum.store.EventStoreContract;
import javax.sql.DataSource;

/** The contract suite against PostgreSQL with group commit off: every append a transaction of its own. */
class PostgresEventStoreWithoutGroupCommitTest extends EventStoreContract {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected EventStore newStore() {
        return PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).groupCommit(false).build();
    }

    @Override
    protected void closeStore(EventStore store) {
        store.close();
        PostgresTestDatabase.dropTables(dataSource, ((PostgresEventStore) store).tables());
    }
}
