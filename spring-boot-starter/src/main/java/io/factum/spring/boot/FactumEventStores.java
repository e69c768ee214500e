package io.factum.spring.boot;

import io.factum.micrometer.HeadPosition;
import io.factum.micrometer.MeteredEventStore;
import io.factum.spring.boot.store.EventStoreFactory;
import io.factum.spring.boot.store.TransactionJoiningEventStore;
import io.factum.store.EventStore;
import io.factum.store.jdbc.JdbcEventStore;
import javax.sql.DataSource;

/**
 * The event store the auto-configuration built, in its layers: the store itself ({@link #raw()}), and the
 * one the application uses ({@link #store()}): joining Spring transactions on JDBC, measured when there is
 * a meter registry. Closing it closes the store.
 */
public final class FactumEventStores implements AutoCloseable {

    private final EventStore raw;
    private final EventStore store;

    FactumEventStores(FactumProperties.Store properties, DataSource dataSource, FactumInstrumentation instrumentation) {
        this.raw = EventStoreFactory.create(properties, dataSource, instrumentation::groupCommitListener);
        EventStore joining = raw instanceof JdbcEventStore jdbc ? new TransactionJoiningEventStore(jdbc) : raw;
        this.store = instrumentation.store(joining, MeteredEventStore.kindOf(raw));
    }

    /** The store the application appends to and reads from. */
    public EventStore store() {
        return store;
    }

    /** The store without decorators. */
    public EventStore raw() {
        return raw;
    }

    /** The JDBC store, or null when the store is in memory. */
    public JdbcEventStore jdbc() {
        return raw instanceof JdbcEventStore jdbc ? jdbc : null;
    }

    /** The store's head position, for lag. */
    public HeadPosition head() {
        return HeadPosition.of(raw);
    }

    @Override
    public void close() {
        raw.close();
    }
}
