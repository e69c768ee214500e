package io.factum.spring.boot.store;

import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A JDBC store whose appends join the Spring-managed transaction of the calling thread when there is
 * one: the append runs on that transaction's connection ({@link DataSourceUtils#getConnection}), so the
 * events commit or roll back with the caller's own table writes. Outside a transaction it appends as
 * the store does (group commit). Stream reads inside such a transaction run on its connection too (they see
 * its own appends); every other read sees committed events only.
 *
 * <p>The transaction must be one on the store's own {@code DataSource}. On SQLite it must start
 * {@code IMMEDIATE} (sqlite-jdbc's {@code transaction_mode=IMMEDIATE}), see {@code docs/spring-boot.md}.
 */
public final class TransactionJoiningEventStore implements EventStore {

    private final JdbcEventStore store;
    private final DataSource dataSource;

    public TransactionJoiningEventStore(JdbcEventStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.dataSource = store.dataSource();
    }

    /** The store appends go to. */
    public JdbcEventStore jdbcStore() {
        return store;
    }

    @Override
    public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        if (!inTransaction()) {
            return store.append(streamId, expected, events);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return store.append(connection, streamId, expected, events);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Inside a transaction on the store's {@code DataSource}, on that transaction's connection: a repository
     * reads back what it just appended there (the positions of a save of several events), which no other
     * connection sees before the commit.
     */
    @Override
    public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
        if (!inTransaction()) {
            return store.readStream(streamId, fromRevision, maxCount);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return store.readStream(connection, streamId, fromRevision, maxCount);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private boolean inTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource);
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        return store.readAll(afterPosition, maxCount);
    }

    @Override
    public long streamRevision(String streamId) {
        return store.streamRevision(streamId);
    }

    @Override
    public long lastPosition() {
        return store.lastPosition();
    }

    @Override
    public long lastPositionCommittedBefore(java.time.Instant time) {
        return store.lastPositionCommittedBefore(time);
    }

    @Override
    public void close() {
        store.close();
    }
}
