package io.factum.store.jdbc;

/**
 * The store's tables were created by an earlier version of Factum and lack what this version
 * needs. Nothing was changed: run {@link JdbcEventStore#migrateSchema()} once (idempotent, safe
 * from several processes at once), as the message says.
 */
public final class SchemaMigrationRequiredException extends JdbcStoreException {
    private static final long serialVersionUID = 1L;

    SchemaMigrationRequiredException(TableNames tables, String databaseName, String missing) {
        super("The event store tables " + tables + " in " + databaseName + " were created by an earlier version of "
                + "Factum: " + missing + ". Run store.migrateSchema() once (it is idempotent and safe to run from several "
                + "processes at once; stop processes of the earlier version that append first), see docs/storage.md "
                + "\"Migrating from 0.1\"", null);
    }
}
