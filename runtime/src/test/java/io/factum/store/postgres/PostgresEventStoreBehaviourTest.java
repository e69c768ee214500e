package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcEventStoreBehaviour;
import io.factum.store.jdbc.TableNames;
import java.util.List;
import javax.sql.DataSource;

/** {@link JdbcEventStoreBehaviour} against the real PostgreSQL server, with fresh tables per test. */
class PostgresEventStoreBehaviourTest extends JdbcEventStoreBehaviour {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected JdbcEventStore newStore(DataSource dataSource, String prefix, boolean createSchemaOnFirstUse) {
        return PostgresEventStore.builder(dataSource).tablePrefix(prefix).createSchemaOnFirstUse(createSchemaOnFirstUse).build();
    }

    @Override
    protected List<String> appendLoopArguments(String prefix) {
        return List.of("postgres", PostgresTestDatabase.url(), prefix);
    }

    @Override
    protected void dropTables(TableNames tables) {
        PostgresTestDatabase.dropTables(dataSource, tables);
    }
}
