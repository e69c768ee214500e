package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Creates a store's tables ({@link SchemaDdl}) once per store, on first use or on request, and
 * migrates tables of an earlier version on request ({@link SchemaMigration}); it never migrates on
 * its own, and says what to run when it finds such tables. The check that they exist only reads,
 * so it never waits for writers.
 */
final class SchemaSetup {

    private final Database db;
    private final boolean createOnFirstUse;
    private final SchemaMigration migration;
    /** One thread at a time checks for and creates the schema. */
    private final ReentrantLock creating = new ReentrantLock();
    private volatile boolean ready;

    SchemaSetup(Database db, boolean createOnFirstUse) {
        this.db = db;
        this.createOnFirstUse = createOnFirstUse;
        this.migration = new SchemaMigration(db.dialect(), db.tables());
    }

    /** See {@link JdbcEventStore#createSchema()}. */
    void create() {
        String missing;
        try (Connection connection = db.dataSource().getConnection()) {
            missing = Transactions.inTransaction(connection, () -> {
                db.dialect().lockSchema(connection, db.tables());
                String old = migration.missing(connection);
                if (old != null) {
                    return old;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : SchemaDdl.createTables(db.tables(), db.dialect().columnTypes())) {
                        statement.execute(ddl);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot create the event store schema (" + db.tables() + ") in "
                    + db.dialect().databaseName() + ": " + e.getMessage(), e);
        }
        if (missing != null) {
            throw new SchemaMigrationRequiredException(db.tables(), db.dialect().databaseName(), missing);
        }
        ready = true;
    }

    /** See {@link JdbcEventStore#migrateSchema()}. */
    SchemaMigration.Report migrate() {
        SchemaMigration.Report report;
        try (Connection connection = db.dataSource().getConnection()) {
            report = Transactions.inTransaction(connection, () -> migration.migrate(connection));
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot migrate the event store schema (" + db.tables() + ") in "
                    + db.dialect().databaseName() + "; nothing was changed: " + e.getMessage(), e);
        }
        ready = true;
        return report;
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
            String missing;
            try (Connection connection = db.dataSource().getConnection()) {
                missing = migration.missing(connection);
                ready = missing == null && exists(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("Cannot check for the event store schema (" + db.tables() + ") in "
                        + db.dialect().databaseName() + ": " + e.getMessage(), e);
            }
            if (missing != null) {
                throw new SchemaMigrationRequiredException(db.tables(), db.dialect().databaseName(), missing);
            }
            if (!ready) {
                create();
            }
        } finally {
            creating.unlock();
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(db.dialect().tableExistsQuery())) {
            for (String table : List.of(db.tables().events(), db.tables().checkpoints(), db.tables().parkedEvents(), db.tables().leases(),
                    db.tables().leaseMembers(), db.tables().snapshots())) {
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
