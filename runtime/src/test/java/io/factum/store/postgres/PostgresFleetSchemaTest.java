package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcFleetSchemaBehaviour;
import io.factum.store.jdbc.TableNames;
import javax.sql.DataSource;

class PostgresFleetSchemaTest extends JdbcFleetSchemaBehaviour {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected JdbcEventStore newStore(String prefix) {
        return PostgresEventStore.builder(dataSource).tablePrefix(prefix).build();
    }

    @Override
    protected void dropTables(TableNames tables) {
        PostgresTestDatabase.dropTables(dataSource, tables);
    }
}
