package io.factum.store.sqlite;

/**
 * The SQLite store was asked to open a file, but the SQLite JDBC driver is not on the class path:
 * it is an optional dependency of factum-runtime, which applications using SQLite add themselves.
 */
public final class SqliteDriverMissingException extends IllegalStateException {

    /** The coordinates to add to a build. */
    public static final String DEPENDENCY = "org.xerial:sqlite-jdbc";

    SqliteDriverMissingException(NoClassDefFoundError cause) {
        super("SqliteEventStore needs the SQLite JDBC driver, which is not on the class path: add the dependency "
                + DEPENDENCY + " to your build; factum-runtime declares it optional "
                + "so that applications on PostgreSQL do not carry it", cause);
    }
}
