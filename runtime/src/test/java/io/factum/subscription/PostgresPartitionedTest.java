package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.util.List;
import javax.sql.DataSource;

class PostgresPartitionedTest extends PartitionedBehaviour {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected JdbcEventStore newStore() {
        return PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store) {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
    }

    @Override
    protected List<String> storeArguments() {
        return List.of("postgres", PostgresTestDatabase.url(), store.tables().prefix());
    }
}
