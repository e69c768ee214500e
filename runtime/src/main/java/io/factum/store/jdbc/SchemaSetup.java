package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Creates a store's tables ({@link SchemaDdl}) once per store, on first use or on request. The
 * check that they exist only reads, so it never waits for writers.
 */
final class SchemaSetup {

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final TableNames tables;
    private final boolean createOnFirstUse;
    /** One thread at a time checks for and creates the schema. */
    private final ReentrantLock creating = new ReentrantLock();
    private volatile boolean ready;

    SchemaSetup(DataSource dataSource, JdbcDialect dialect, TableNames tables, boolean createOnFirstUse) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.createOnFirstUse = createOnFirstUse;
    }

    /** See {@link JdbcEventStore#createSchema()}. */
    void create() {
        try (Connection connection = dataSource.getConnection()) {
            Transactions.inTransaction(connection, () -> {
                dialect.lockSchema(connection, tables);
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : SchemaDdl.createTables(tables, dialect.columnTypes())) {
                        statement.execute(ddl);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot create the event store schema (" + tables + ") in "
                    + dialect.databaseName() + ": " + e.getMessage(), e);
        }
        ready = true;
    }

    /** See {@link JdbcEventStore#ensureSchema()}. */
    void ensure() {
        if (ready || !createOnFirstUse) {
            return;
        }
        creating.lock();
        try {
            if (ready) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                ready = exists(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("Cannot check for the event store schema (" + tables + ") in "
                        + dialect.databaseName() + ": " + e.getMessage(), e);
            }
            if (!ready) {
                create();
            }
        } finally {
            creating.unlock();
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(dialect.tableExistsQuery())) {
            for (String table : List.of(tables.events(), tables.checkpoints(), tables.parkedEvents())) {
                exists.setString(1, table);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
