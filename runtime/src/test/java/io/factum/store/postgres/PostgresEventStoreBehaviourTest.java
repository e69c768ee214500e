package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcEventStoreBehaviour;
import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    protected boolean reusesPositionsOfRolledBackAppends() {
        return false;
    }

    @Override
    protected List<String> corruptEnvelopes() {
        return List.of("headers = '[1]'", "headers = '{\"h\": 1}'");
    }

    @Override
    protected List<String> appendLoopArguments(String prefix) {
        return List.of("postgres", PostgresTestDatabase.url(), prefix);
    }

    @Override
    protected void dropTables(TableNames tables, List<String> readModels) {
        PostgresTestDatabase.dropTables(dataSource, tables);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : readModels) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot drop read models " + readModels + ": " + e.getMessage(), e);
        }
    }
}
