package io.factum.store.jdbc;

import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.StreamIds;
import io.factum.store.WrongExpectedRevisionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * An {@link EventStore} on a relational database through JDBC. The append algorithm, reads and
 * row mapping live here once; a {@link JdbcDialect} supplies what differs between databases.
 *
 * <h2>Connections and transactions</h2>
 * Every operation takes a connection from the {@link DataSource} and closes it before returning,
 * so a pool works as expected and nothing is held between calls. An append is one transaction:
 * stream lock (where the dialect needs one), idempotency and revision checks, ordering lock,
 * inserts, commit. {@link #append(Connection, String, ExpectedRevision, List)} runs the same steps
 * inside a transaction the caller owns, so a projection can append and update its read model
 * atomically.
 *
 * <h2>Group commit</h2>
 * Concurrent {@link #append(String, ExpectedRevision, List)} calls of one store are combined: one
 * caller at a time writes the appends queued so far, to different streams, in one transaction
 * with the same steps for all of them at once, and each caller gets its own result or error (see
 * {@link AppendQueue}). If that transaction fails, each of its appends is written alone, so an
 * error reaches only the caller it belongs to. {@link Options#groupCommit(boolean)} turns it off.
 */
public abstract class JdbcEventStore implements EventStore {

    /** Most events one group commit writes; a single larger append is written alone. */
    static final int MAX_BATCH_EVENTS = 2_000;
    /** Most appends one group commit writes. */
    static final int MAX_BATCH_APPENDS = 100;
    /** Most streams whose heads one query reads. */
    private static final int HEADS_PER_QUERY = 50;

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final TableNames tables;
    private final EventRows rows;
    private final boolean createSchemaOnFirstUse;
    /** Combines concurrent appends into one transaction; {@code null} when group commit is off. */
    private final AppendQueue appendQueue;
    /**
     * Without group commit, queues this JVM's writers in Java when the database has one writer at a
     * time anyway. (With it, the one thread writing a batch is this JVM's only writer.)
     */
    private final ReentrantLock writerLock;
    private volatile boolean schemaReady;

    /** A store with the data source and table options of {@code options}, speaking {@code dialect}. */
    protected JdbcEventStore(Options<?> options, JdbcDialect dialect) {
        this.dataSource = options.dataSource;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tables = options.tables;
        this.rows = new EventRows(dialect, tables);
        this.createSchemaOnFirstUse = options.createSchemaOnFirstUse;
        this.appendQueue = options.groupCommit ? new AppendQueue(this::writeBatch, MAX_BATCH_EVENTS, MAX_BATCH_APPENDS) : null;
        this.writerLock = !options.groupCommit && dialect.singleWriter() ? new ReentrantLock(true) : null;
    }

    /** The data source every operation takes its connections from. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The names of this store's tables. */
    public TableNames tables() {
        return tables;
    }

    /** What this store's SQL and column types are written for. */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * Creates the events, checkpoints and parked-events tables and their indexes if they do not
     * exist. Safe to call repeatedly and from several processes at once.
     */
    public void createSchema() {
        try (Connection connection = dataSource.getConnection()) {
            inTransaction(connection, () -> {
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
        schemaReady = true;
    }

    /**
     * Creates the schema unless it exists or the store was configured not to; every operation
     * calls this first. It only reads when the tables exist, so it never waits for writers.
     */
    public void ensureSchema() {
        if (schemaReady || !createSchemaOnFirstUse) {
            return;
        }
        synchronized (this) {
            if (schemaReady) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                schemaReady = schemaExists(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("Cannot check for the event store schema (" + tables + ") in "
                        + dialect.databaseName() + ": " + e.getMessage(), e);
            }
            if (!schemaReady) {
                createSchema();
            }
        }
    }

    private boolean schemaExists(Connection connection) throws SQLException {
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

    /**
     * {@inheritDoc}
     *
     * <p>With group commit (the default), the append waits for its turn in a batch with the appends
     * of other threads, uninterruptibly: an interrupt is kept, and is still set when it returns.
     */
    @Override
    public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        StreamIds.validateAppend(streamId, events);
        Objects.requireNonNull(expected, "expected");
        ensureSchema();
        if (appendQueue != null) {
            return appendQueue.append(streamId, expected, events);
        }
        if (writerLock != null) {
            writerLock.lock();
        }
        try {
            return appendAlone(streamId, expected, events);
        } finally {
            if (writerLock != null) {
                writerLock.unlock();
            }
        }
    }

    /** Appends queued for the next group commit; for tests. */
    int queuedAppends() {
        return appendQueue == null ? 0 : appendQueue.queued();
    }

    /** One append in a transaction of its own. */
    private AppendResult appendAlone(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, () -> appendInTransaction(connection, streamId, expected, events));
        } catch (SQLException e) {
            throw appendFailed(streamId, e);
        }
    }

    /**
     * Writes a batch of appends to distinct streams in one transaction: the same steps as one
     * append, each once for the whole batch. Completes every append of the batch. If the
     * transaction fails (a lost connection, a unique violation racing another process, a row the
     * database refuses), it is rolled back and every append it was to write is written alone, so
     * that each caller gets its own outcome; appends are idempotent by event id, so one stored by
     * a commit whose answer was lost comes back as its original result.
     */
    private void writeBatch(List<AppendQueue.Pending> batch) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // Writing the appends alone would only ask for a connection once per append.
            batch.forEach(pending -> pending.fail(appendFailed(pending.streamId, e)));
            return;
        }
        Verdict[] verdicts = new Verdict[batch.size()];
        boolean committed = false;
        try (connection) {
            inTransaction(connection, () -> writeBatchInTransaction(connection, batch, verdicts));
            committed = true;
        } catch (SQLException | RuntimeException e) {
            // Rolled back (or, if committed, only closing failed): handled below.
        }
        List<AppendQueue.Pending> alone = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Verdict verdict = verdicts[i];
            if (verdict == null || verdict.written() && !committed) {
                alone.add(batch.get(i));
            } else if (verdict.rejection() != null) {
                batch.get(i).fail(verdict.rejection());
            } else {
                batch.get(i).succeed(verdict.result());
            }
        }
        writeEachAlone(alone);
    }

    /** The fallback of a failed batch: each append in a transaction of its own, in batch order. */
    private void writeEachAlone(List<AppendQueue.Pending> appends) {
        for (AppendQueue.Pending pending : appends) {
            try {
                pending.succeed(appendAlone(pending.streamId, pending.expected, pending.events));
            } catch (RuntimeException e) {
                pending.fail(e);
            }
        }
    }

    private Void writeBatchInTransaction(Connection connection, List<AppendQueue.Pending> batch, Verdict[] verdicts)
            throws SQLException {
        List<String> streamIds = new ArrayList<>(batch.size());
        for (AppendQueue.Pending pending : batch) {
            streamIds.add(pending.streamId);
        }
        streamIds.sort(null);
        dialect.lockStreams(connection, tables, streamIds);
        Map<String, StreamHead> heads = readHeads(connection, streamIds);
        // Ids are looked up only for appends whose expected revision fails: they may be retries of
        // appends already stored. The others are inserted straight away; should one of their ids be
        // stored already (a retry with a revision that still matches, or an id used twice), the
        // unique key refuses the insert, the batch rolls back, and each append is written alone,
        // by the path that looks its ids up first. The common append saves a round trip.
        List<NewEvent> toLookUp = new ArrayList<>();
        for (AppendQueue.Pending pending : batch) {
            StreamHead head = heads.getOrDefault(pending.streamId, StreamHead.NONE);
            if (!pending.expected.accepts(head.revision())) {
                toLookUp.addAll(pending.events);
            }
        }
        Map<UUID, StoredAt> stored = toLookUp.isEmpty() ? Map.of() : findStored(connection, toLookUp);
        List<Write> writes = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            AppendQueue.Pending pending = batch.get(i);
            StreamHead head = heads.getOrDefault(pending.streamId, StreamHead.NONE);
            try {
                AppendResult unwritten = resultWithoutInsert(pending.streamId, pending.expected, pending.events, head, stored);
                if (unwritten != null) {
                    verdicts[i] = new Verdict(unwritten, null, false);
                } else {
                    writes.add(new Write(pending.streamId, head.revision() + 1, pending.events));
                    written.add(i);
                }
            } catch (WrongExpectedRevisionException | DuplicateEventIdException e) {
                verdicts[i] = new Verdict(null, e, false);
            }
        }
        if (writes.isEmpty()) {
            return null;
        }
        dialect.beforeInsert(connection, tables);
        Map<String, Long> lastPositions = insert(connection, writes);
        for (int k = 0; k < writes.size(); k++) {
            Write write = writes.get(k);
            verdicts[written.get(k)] = new Verdict(new AppendResult(write.streamId(),
                    write.firstRevision() + write.events().size() - 1, lastPositions.get(write.streamId())), null, true);
        }
        return null;
    }

    /**
     * Appends inside the caller's transaction: nothing is visible to readers until the caller
     * commits, and a rollback undoes the append together with the caller's own writes.
     *
     * <p>Until the caller commits, the transaction holds the store's ordering lock (PostgreSQL) or
     * the database's write lock (SQLite): other appends wait. Keep the transaction short, and do
     * not call {@link #append(String, ExpectedRevision, List)} from the thread that commits it while
     * it is open: on PostgreSQL it also holds the locks of the streams it appended to (even when
     * nothing was stored), and a group commit needing one of them would wait for it while that
     * append waits for the group commit (see {@code docs/storage.md}). On SQLite
     * the transaction must have been started {@code IMMEDIATE} (connections of
     * {@code SqliteEventStore.dataSource} are), and the schema must exist before it starts (call
     * {@link #createSchema()} or any other operation first): creating it needs the write lock the
     * caller's transaction already holds.
     *
     * @param connection a connection of this store's database with auto-commit off
     */
    public AppendResult append(Connection connection, String streamId, ExpectedRevision expected, List<NewEvent> events) {
        StreamIds.validateAppend(streamId, events);
        Objects.requireNonNull(expected, "expected");
        ensureSchema();
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("append(Connection, ...) joins the caller's transaction: "
                        + "turn auto-commit off first, or use append(streamId, expected, events)");
            }
            return appendInTransaction(connection, streamId, expected, events);
        } catch (SQLException e) {
            throw appendFailed(streamId, e);
        }
    }

    private AppendResult appendInTransaction(Connection connection, String streamId, ExpectedRevision expected,
            List<NewEvent> events) throws SQLException {
        dialect.lockStream(connection, tables, streamId);
        StreamHead head = readHead(connection, streamId);
        Map<UUID, StoredAt> stored = events.isEmpty() ? Map.of() : findStored(connection, events);
        AppendResult unwritten = resultWithoutInsert(streamId, expected, events, head, stored);
        if (unwritten != null) {
            return unwritten;
        }
        dialect.beforeInsert(connection, tables);
        long lastPosition;
        try {
            lastPosition = insert(connection, List.of(new Write(streamId, head.revision() + 1, events))).get(streamId);
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                // Checked above, so another transaction stored one of these ids since: report which.
                throw duplicateAfterRace(streamId, events, e);
            }
            throw e;
        }
        return new AppendResult(streamId, head.revision() + events.size(), lastPosition);
    }

    /**
     * The checks of an append, made with the stream locked: the result of an append that inserts
     * nothing (an idempotent repeat, or no events), or {@code null} if its events are to be inserted
     * after {@code head}.
     *
     * @param stored where the append's event ids are stored, if they are (may hold other ids too)
     * @throws DuplicateEventIdException       if some of its ids are stored, and not as this very append
     * @throws WrongExpectedRevisionException  if the stream is not at the expected revision
     */
    private static AppendResult resultWithoutInsert(String streamId, ExpectedRevision expected, List<NewEvent> events,
            StreamHead head, Map<UUID, StoredAt> stored) {
        for (NewEvent event : events) {
            if (stored.containsKey(event.eventId())) {
                return idempotentRepeat(streamId, events, stored);
            }
        }
        if (!expected.accepts(head.revision())) {
            throw new WrongExpectedRevisionException(streamId, expected, head.revision());
        }
        if (events.isEmpty()) {
            return new AppendResult(streamId, head.revision(), head.position());
        }
        return null;
    }

    /**
     * Some ids of the append are stored already. It is an idempotent repeat only if all of them are
     * stored in this stream, in this order, at consecutive revisions; the result is the original
     * append's. The expected revision is not checked again: it held when the original was stored.
     */
    private static AppendResult idempotentRepeat(String streamId, List<NewEvent> events, Map<UUID, StoredAt> stored) {
        for (NewEvent event : events) {
            if (!stored.containsKey(event.eventId())) {
                UUID storedId = events.stream().map(NewEvent::eventId).filter(stored::containsKey).findFirst().orElseThrow();
                throw new DuplicateEventIdException(storedId, streamId, describe(stored.get(storedId))
                        + " while other events of this append are not; an idempotent retry must repeat the original append exactly");
            }
        }
        long firstRevision = stored.get(events.get(0).eventId()).revision();
        for (int i = 0; i < events.size(); i++) {
            StoredAt at = stored.get(events.get(i).eventId());
            if (!at.streamId().equals(streamId) || at.revision() != firstRevision + i) {
                throw new DuplicateEventIdException(events.get(i).eventId(), streamId, describe(at));
            }
        }
        StoredAt last = stored.get(events.get(events.size() - 1).eventId());
        return new AppendResult(streamId, last.revision(), last.position());
    }

    private static String describe(StoredAt at) {
        return "at stream '" + at.streamId() + "' revision " + at.revision();
    }

    private DuplicateEventIdException duplicateAfterRace(String streamId, List<NewEvent> events, SQLException cause) {
        // The caller's transaction may be aborted (PostgreSQL), so look with a connection of our own.
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, StoredAt> stored = findStored(connection, events);
            for (NewEvent event : events) {
                StoredAt at = stored.get(event.eventId());
                if (at != null) {
                    DuplicateEventIdException e = new DuplicateEventIdException(event.eventId(), streamId, describe(at));
                    e.initCause(cause);
                    return e;
                }
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        DuplicateEventIdException e = new DuplicateEventIdException(events.get(0).eventId(), streamId,
                "(an event id of this append was stored concurrently)");
        e.initCause(cause);
        return e;
    }

    private StreamHead readHead(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(rows.selectHead)) {
            select.setString(1, streamId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new StreamHead(row.getLong(1), row.getLong(2)) : StreamHead.NONE;
            }
        }
    }

    /** The heads of the given streams that exist; one query per {@value #HEADS_PER_QUERY} streams. */
    private Map<String, StreamHead> readHeads(Connection connection, List<String> streamIds) throws SQLException {
        Map<String, StreamHead> heads = new HashMap<>();
        for (int from = 0; from < streamIds.size(); from += HEADS_PER_QUERY) {
            List<String> part = streamIds.subList(from, Math.min(streamIds.size(), from + HEADS_PER_QUERY));
            try (PreparedStatement select = connection.prepareStatement(rows.selectHeads(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        heads.put(row.getString(1), new StreamHead(row.getLong(2), row.getLong(3)));
                    }
                }
            }
        }
        return heads;
    }

    private Map<UUID, StoredAt> findStored(Connection connection, List<NewEvent> events) throws SQLException {
        Map<UUID, StoredAt> stored = new HashMap<>();
        int chunk = dialect.maxRowsPerInsert();
        for (int from = 0; from < events.size(); from += chunk) {
            List<NewEvent> part = events.subList(from, Math.min(events.size(), from + chunk));
            try (PreparedStatement select = connection.prepareStatement(rows.selectByEventIds(part.size()))) {
                dialect.planEveryExecution(select);
                for (int i = 0; i < part.size(); i++) {
                    dialect.setUuid(select, i + 1, part.get(i).eventId());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.put(dialect.getUuid(row, 1), new StoredAt(row.getString(2), row.getLong(3), row.getLong(4)));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Inserts the events of every write, in order, in multi-row statements of at most
     * {@link JdbcDialect#maxRowsPerInsert()} rows, and returns the last global position of each
     * write's stream (each stream is written at most once).
     */
    private Map<String, Long> insert(Connection connection, List<Write> writes) throws SQLException {
        List<Row> all = new ArrayList<>();
        for (Write write : writes) {
            for (int i = 0; i < write.events().size(); i++) {
                all.add(new Row(write.streamId(), write.firstRevision() + i, write.events().get(i)));
            }
        }
        Map<String, Long> lastPositions = new HashMap<>();
        int chunk = dialect.maxRowsPerInsert();
        for (int from = 0; from < all.size(); from += chunk) {
            List<Row> part = all.subList(from, Math.min(all.size(), from + chunk));
            try (PreparedStatement insert = connection.prepareStatement(rows.insert(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    Row row = part.get(i);
                    rows.bind(insert, i, row.streamId(), row.revision(), row.event());
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        lastPositions.merge(inserted.getString(1), inserted.getLong(2), Math::max);
                    }
                }
            }
        }
        return lastPositions;
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
        StreamIds.validateReadStream(streamId, fromRevision, maxCount);
        ensureSchema();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(rows.selectStream)) {
            select.setString(1, streamId);
            select.setLong(2, fromRevision);
            select.setInt(3, maxCount);
            return readEvents(select, maxCount);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read stream '" + streamId + "' from revision " + fromRevision
                    + " in " + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        StreamIds.validateReadAll(afterPosition, maxCount);
        ensureSchema();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(rows.selectAll)) {
            select.setLong(1, afterPosition);
            select.setInt(2, maxCount);
            return readEvents(select, maxCount);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read all events after global position " + afterPosition
                    + " in " + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long streamRevision(String streamId) {
        StreamIds.validate(streamId);
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return readHead(connection, streamId).revision();
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the revision of stream '" + streamId + "' in "
                    + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    private List<StoredEvent> readEvents(PreparedStatement select, int maxCount) throws SQLException {
        select.setFetchSize(Math.min(maxCount, 1000));
        List<StoredEvent> events = new ArrayList<>(Math.min(maxCount, 1000));
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(rows.read(row));
            }
        }
        return events;
    }

    private JdbcStoreException appendFailed(String streamId, SQLException e) {
        return new JdbcStoreException("Cannot append to stream '" + streamId + "' in " + dialect.databaseName()
                + "; nothing was written: " + e.getMessage(), e);
    }

    /** Work that runs inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction on {@code connection}: commits if it returns, rolls back
     * if it throws, and leaves the connection in auto-commit mode either way.
     */
    public static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The connection is closed next; a broken one is discarded by its pool.
            }
        }
    }

    /**
     * The options every JDBC store's builder has: the data source, the table prefix and whether the
     * schema is created on first use.
     *
     * @param <B> the store's own builder, which chained calls return
     */
    public abstract static class Options<B extends Options<B>> {
        private final DataSource dataSource;
        private TableNames tables = TableNames.defaults();
        private boolean createSchemaOnFirstUse = true;
        private boolean groupCommit = true;

        protected Options(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Prefix of every table name; default {@value TableNames#DEFAULT_PREFIX}. Two applications
         * sharing a database use two prefixes.
         *
         * @throws IllegalArgumentException if it is not a lower-case SQL identifier of at most 40 characters
         */
        public B tablePrefix(String prefix) {
            this.tables = TableNames.withPrefix(prefix);
            return self();
        }

        /**
         * Whether the first operation creates missing tables (default) or
         * {@link JdbcEventStore#createSchema()} must be called.
         */
        public B createSchemaOnFirstUse(boolean create) {
            this.createSchemaOnFirstUse = create;
            return self();
        }

        /**
         * Whether concurrent appends of this store are combined into one transaction (default
         * true): one thread at a time writes the appends queued meanwhile, to distinct streams, with
         * one round trip per step for all of them and one commit. Every caller still gets its own
         * result or error. Costs a single append nothing; turn it off to give every append a
         * transaction of its own. See {@code docs/storage.md}.
         */
        public B groupCommit(boolean on) {
            this.groupCommit = on;
            return self();
        }

        /** This builder, as its own type. */
        protected abstract B self();
    }

    /** Where an event id is stored. */
    private record StoredAt(String streamId, long revision, long position) {}

    /** Events to insert into a stream, the first at {@code firstRevision}. */
    private record Write(String streamId, long firstRevision, List<NewEvent> events) {}

    /** One event to insert. */
    private record Row(String streamId, long revision, NewEvent event) {}

    /**
     * What the batch transaction decided for one append: its result or rejection, and whether that
     * result holds only once the transaction commits.
     */
    private record Verdict(AppendResult result, RuntimeException rejection, boolean written) {}

    /** A stream's last revision and that event's global position; both {@code -1} for no stream. */
    private record StreamHead(long revision, long position) {
        static final StreamHead NONE = new StreamHead(-1, -1);
    }
}
