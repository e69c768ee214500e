package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.TableNames;
import javax.sql.DataSource;

/**
 * The production event store, on PostgreSQL through any {@link DataSource} (usually a pool).
 *
 * <pre>{@code
 * PostgresEventStore store = PostgresEventStore.builder(dataSource).tablePrefix("billing_").build();
 * }</pre>
 *
 * <p>Readers following the global order never skip an event: appends take an advisory lock right
 * before inserting and hold it until commit, so they commit in position order. Concurrent appends
 * of one store take it once for all of them: they are written together in one transaction (group
 * commit, {@link Builder#groupCommit(boolean)}). Each append transaction also sends a
 * {@code NOTIFY} on commit, which {@link #listenForAppends()} turns into early wake-ups for
 * subscriptions. See {@code docs/storage.md}.
 */
public final class PostgresEventStore extends JdbcEventStore {

    private PostgresEventStore(Builder builder) {
        super(builder, new PostgresDialect(builder.notifyOnAppend));
    }

    /** A builder for a store on {@code dataSource}, usually a connection pool. */
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

    /** Options of a {@link PostgresEventStore}; the table options are in {@link JdbcEventStore.Options}. */
    public static final class Builder extends JdbcEventStore.Options<Builder> {
        private boolean notifyOnAppend = true;

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        /** Whether appends send {@code NOTIFY} on commit (default true); turn off if nobody listens. */
        public Builder notifyOnAppend(boolean notify) {
            this.notifyOnAppend = notify;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public PostgresEventStore build() {
            return new PostgresEventStore(this);
        }
    }
}
