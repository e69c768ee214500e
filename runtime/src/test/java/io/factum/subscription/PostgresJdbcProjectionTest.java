package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresJdbcProjectionTest extends JdbcProjectionBehaviour {

    @Override
    protected JdbcEventStore newStore() {
        return PostgresEventStore.builder(PostgresTestDatabase.dataSource()).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store, String readModel) {
        PostgresTestDatabase.dropTables(store.dataSource(), store.tables());
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + readModel);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
