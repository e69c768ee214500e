package io.factum.spring.boot.store;

import io.factum.spring.boot.FactumConfigurationException;
import io.factum.spring.boot.FactumProperties;
import io.factum.spring.boot.FactumProperties.StoreType;
import io.factum.store.EventStore;
import io.factum.store.jdbc.GroupCommitListener;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Builds the event store {@code factum.store.*} asks for: with {@code type=auto}, PostgreSQL or SQLite
 * by what the {@code DataSource}'s database says it is, and the in-memory store when there is no
 * {@code DataSource}. Anything else fails start-up with what to configure.
 */
public final class EventStoreFactory {

    private EventStoreFactory() {}

    /**
     * @param dataSource the application's data source, or null if it has none
     * @throws FactumConfigurationException if the data source is missing for a JDBC type, unreachable, or
     *                                      of a database Factum cannot store events in
     */
    public static EventStore create(FactumProperties.Store properties, DataSource dataSource) {
        return create(properties, dataSource, kind -> GroupCommitListener.NONE);
    }

    /**
     * As {@link #create(FactumProperties.Store, DataSource)}, telling the JDBC store's group commits to the
     * listener {@code listeners} gives for its kind ({@code postgresql} or {@code sqlite}).
     */
    public static EventStore create(FactumProperties.Store properties, DataSource dataSource,
            Function<String, GroupCommitListener> listeners) {
        StoreType type = properties.getType();
        if (type == StoreType.MEMORY || type == StoreType.AUTO && dataSource == null) {
            return new InMemoryEventStore();
        }
        if (dataSource == null) {
            throw new FactumConfigurationException("factum.store.type=" + type.name().toLowerCase(Locale.ROOT)
                    + " needs a DataSource, and the application has none.",
                    "Add spring-boot-starter-jdbc and the JDBC driver, and set spring.datasource.url (e.g. "
                    + "jdbc:postgresql://host:5432/db or jdbc:sqlite:events.db); or set factum.store.type=memory.");
        }
        StoreType detected = detect(dataSource);
        if (type != StoreType.AUTO && type != detected) {
            throw new FactumConfigurationException("factum.store.type=" + type.name().toLowerCase(Locale.ROOT)
                    + ", but the DataSource is a " + detected.name().toLowerCase(Locale.ROOT) + " database.",
                    "Point spring.datasource.url at the database factum.store.type names, or set factum.store.type=auto.");
        }
        return detected == StoreType.POSTGRESQL
                ? configure(PostgresEventStore.builder(dataSource), properties).groupCommitListener(listeners.apply("postgresql")).build()
                : configure(SqliteEventStore.builder(dataSource), properties).groupCommitListener(listeners.apply("sqlite")).build();
    }

    private static <B extends JdbcEventStore.Options<B>> B configure(B builder, FactumProperties.Store properties) {
        try {
            builder.tablePrefix(properties.getTablePrefix());
        } catch (IllegalArgumentException e) {
            throw new FactumConfigurationException("factum.store.table-prefix='" + properties.getTablePrefix()
                    + "' is not usable: " + e.getMessage(), "Set factum.store.table-prefix to a lower-case SQL identifier, e.g. factum_.");
        }
        return builder.groupCommit(properties.isGroupCommit()).createSchemaOnFirstUse(properties.isCreateSchema());
    }

    /** POSTGRESQL or SQLITE, by the database's product name. */
    static StoreType detect(DataSource dataSource) {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
            url = metaData.getURL();
        } catch (SQLException e) {
            throw new FactumConfigurationException("Factum cannot connect to the DataSource to see which database it is: "
                    + e.getMessage(), "Check spring.datasource.url, user and password, and that the database is running; "
                    + "or set factum.store.type=memory to run without one.");
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return StoreType.POSTGRESQL;
        }
        if (name.contains("sqlite")) {
            return StoreType.SQLITE;
        }
        throw new FactumConfigurationException("The DataSource is a " + product + " database (" + url
                + "), which Factum cannot store events in: it supports PostgreSQL and SQLite.",
                "Set spring.datasource.url to a PostgreSQL or SQLite database, or set factum.store.type=memory.");
    }
}
