package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.TableNames;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The production event store, on PostgreSQL through any {@link DataSource} (usually a pool).
 *
 * <pre>{@code
 * PostgresEventStore store = PostgresEventStore.builder(dataSource).tablePrefix("billing_").build();
 * }</pre>
 *
 * <p>Readers following the global order never skip an event: appends take an advisory lock right
 * before inserting and hold it until commit, so they commit in position order. Each append also
 * sends a {@code NOTIFY} on commit, which {@link #listenForAppends()} turns into early wake-ups
 * for subscriptions. See {@code docs/storage.md}.
 */
public final class PostgresEventStore extends JdbcEventStore {

    private PostgresEventStore(Builder builder) {
        super(builder.dataSource, new PostgresDialect(builder.notifyOnAppend), builder.tables, builder.createSchemaOnFirstUse);
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The {@code LISTEN/NOTIFY} channel appends notify: the events table's name. */
    public String notificationChannel() {
        return channel(tables());
    }

    static String channel(TableNames tables) {
        return tables.events();
    }

    /**
     * Starts listening for appends on a dedicated connection of this store's data source. Close
     * the listener when done; it holds that connection until then.
     */
    public PostgresAppendListener listenForAppends() {
        ensureSchema();
        return new PostgresAppendListener(dataSource(), notificationChannel());
    }

    /** Options of a {@link PostgresEventStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private TableNames tables = TableNames.defaults();
        private boolean createSchemaOnFirstUse = true;
        private boolean notifyOnAppend = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Prefix of every table name; default {@value TableNames#DEFAULT_PREFIX}. Two applications sharing a database use two prefixes. */
        public Builder tablePrefix(String prefix) {
            this.tables = TableNames.withPrefix(prefix);
            return this;
        }

        /** Whether the first operation creates missing tables (default) or {@link #createSchema()} must be called. */
        public Builder createSchemaOnFirstUse(boolean create) {
            this.createSchemaOnFirstUse = create;
            return this;
        }

        /** Whether appends send {@code NOTIFY} on commit (default true); turn off if nobody listens. */
        public Builder notifyOnAppend(boolean notify) {
            this.notifyOnAppend = notify;
            return this;
        }

        public PostgresEventStore build() {
            return new PostgresEventStore(this);
        }
    }
}
