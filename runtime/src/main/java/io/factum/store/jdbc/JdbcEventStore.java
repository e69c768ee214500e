package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.SliceRange;
import io.factum.store.StoredEvent;
import io.factum.store.StreamIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * An {@link EventStore} on a relational database through JDBC, written once for every database; a
 * {@link JdbcDialect} supplies what differs. Schema set-up ({@code SchemaSetup}), the append rules
 * ({@code AppendRules}), the events-table SQL ({@code EventTableStatements}), single appends
 * ({@code StreamAppender}) and the group-commit writer ({@code GroupCommitWriter}) each have a
 * class of their own in this package; this class ties them together.
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

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final TableNames tables;
    private final SchemaSetup schema;
    private final EventTableStatements statements;
    private final StreamAppender appender;
    /** Combines concurrent appends into one transaction; {@code null} when group commit is off. */
    private final AppendQueue appendQueue;
    /**
     * Without group commit, queues this JVM's writers in Java when the database has one writer at a
     * time anyway. (With it, the one thread writing a batch is this JVM's only writer.)
     */
    private final ReentrantLock writerLock;
    private final JdbcSnapshotStore snapshots;
    private final StreamTruncation truncation;

    /** A store with the data source and table options of {@code options}, speaking {@code dialect}. */
    protected JdbcEventStore(Options<?> options, JdbcDialect dialect) {
        this.dataSource = options.dataSource;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.tables = options.tables;
        Database db = new Database(dataSource, dialect, tables);
        this.schema = new SchemaSetup(db, options.createSchemaOnFirstUse);
        this.statements = new EventTableStatements(dialect, tables);
        this.appender = new StreamAppender(db, statements);
        this.appendQueue = options.groupCommit
                ? new AppendQueue(new GroupCommitWriter(db, statements, appender, options.groupCommitListener),
                        MAX_BATCH_EVENTS, MAX_BATCH_APPENDS)
                : null;
        this.writerLock = !options.groupCommit && dialect.singleWriter() ? new ReentrantLock(true) : null;
        this.snapshots = new JdbcSnapshotStore(db, this);
        this.truncation = new StreamTruncation(db, options.allowTruncation);
    }

    /** The snapshots kept beside this store's events, in {@code <prefix>snapshots}. */
    public JdbcSnapshotStore snapshots() {
        return snapshots;
    }

    /**
     * Deletes the events of {@code streamId} before {@code revision} (EventStoreDB's {@code $tb}); off unless the
     * store was built with {@code allowTruncation(true)}. The stream keeps its last event, and its snapshot must
     * include revision {@code revision - 1}; loads then start from the snapshot, and one that does not fit fails
     * with {@code StreamTruncatedException} rather than replaying a partial history. Subscriptions that had not read
     * the deleted events never will, rebuilds see only what is left, and a retried save of deleted events is no
     * longer recognised as a repeat. See {@code docs/snapshots.md}.
     *
     * @return the number of events deleted
     * @throws IllegalStateException    if truncation is off, or no snapshot covers the events to delete
     * @throws IllegalArgumentException if {@code revision} is negative or beyond the stream's last event
     */
    public int truncateBefore(String streamId, long revision) {
        ensureSchema();
        return truncation.truncateBefore(streamId, revision);
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
        schema.create();
    }

    /**
     * Brings tables created by an earlier version of Factum to this version's schema, or creates
     * them if there are none: adds the {@code stream_hash} and {@code committed_at} columns to the
     * events table and fills in the stream hash of every stored event, adds the slice index and the
     * lease tables. One transaction; idempotent, and safe to run from several processes at once
     * (they take turns on the schema lock). Events stored before it keep a {@code NULL} commit time.
     * Afterwards the events table refuses rows without a stream hash, so stop the processes of the
     * earlier version that append before running it. See {@code docs/storage.md}.
     *
     * @return whether columns were added, and for how many streams hashes were filled in
     */
    public MigrationReport migrateSchema() {
        SchemaMigration.Report report = schema.migrate();
        return new MigrationReport(report.addedColumns(), report.streamsBackfilled());
    }

    /**
     * What {@link #migrateSchema()} did.
     *
     * @param addedColumns      whether the events table got its new columns in this run
     * @param streamsBackfilled the streams whose events got their hash in this run
     */
    public record MigrationReport(boolean addedColumns, int streamsBackfilled) {}

    /**
     * Creates the schema unless it exists or the store was configured not to; every operation
     * calls this first. It only reads when the tables exist, so it never waits for writers.
     */
    public void ensureSchema() {
        schema.ensure();
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
            return appender.appendAlone(streamId, expected, events);
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
            return appender.appendInTransaction(connection, streamId, expected, events);
        } catch (SQLException e) {
            throw appender.appendFailed(streamId, e);
        }
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
        try (Connection connection = dataSource.getConnection()) {
            return readStream(connection, streamId, fromRevision, maxCount);
        } catch (SQLException e) {
            throw readStreamFailed(streamId, fromRevision, e);
        }
    }

    /**
     * {@link #readStream(String, long, int)} on the caller's connection, so it also sees what the caller's open
     * transaction appended with {@link #append(Connection, String, ExpectedRevision, List)}; the caller keeps
     * the connection.
     */
    public List<StoredEvent> readStream(Connection connection, String streamId, long fromRevision, int maxCount) {
        StreamIds.validateReadStream(streamId, fromRevision, maxCount);
        ensureSchema();
        try {
            return statements.readStream(connection, streamId, fromRevision, maxCount);
        } catch (SQLException e) {
            throw readStreamFailed(streamId, fromRevision, e);
        }
    }

    private JdbcStoreException readStreamFailed(String streamId, long fromRevision, SQLException e) {
        return new JdbcStoreException("Cannot read stream " + MessageText.quote(streamId) + " from revision " + fromRevision
                + " in " + dialect.databaseName() + ": " + e.getMessage(), e);
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        StreamIds.validateReadAll(afterPosition, maxCount);
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return statements.readAll(connection, afterPosition, maxCount);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read all events after global position " + afterPosition
                    + " in " + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads up to {@code maxCount} events after {@code afterPosition}, in global order, of the
     * streams in {@code range} only: the filter runs in SQL, on the stored stream hash. The order
     * never skips, as for {@link #readAll}: any subset of a sequence that becomes visible in
     * increasing order does too.
     */
    public List<StoredEvent> readSlices(long afterPosition, SliceRange range, int maxCount) {
        StreamIds.validateReadAll(afterPosition, maxCount);
        Objects.requireNonNull(range, "range");
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return statements.readSlices(connection, afterPosition, range, maxCount);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the events of " + range + " after global position " + afterPosition
                    + " in " + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long lastPosition() {
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return statements.lastPosition(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the last global position in " + dialect.databaseName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>By the commit time the database assigned ({@code committed_at}: PostgreSQL's
     * {@code clock_timestamp()} after the ordering lock, to the microsecond; SQLite's clock, to the
     * millisecond). Events stored before {@link #migrateSchema()} have none and count as earlier.
     */
    @Override
    public long lastPositionCommittedBefore(Instant time) {
        Objects.requireNonNull(time, "time");
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return CommitTimeSearch.lastPositionBefore(connection, statements, time);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot find the events committed before " + time + " in "
                    + dialect.databaseName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long streamRevision(String streamId) {
        StreamIds.validate(streamId);
        ensureSchema();
        try (Connection connection = dataSource.getConnection()) {
            return statements.readHead(connection, streamId).revision();
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the revision of stream " + MessageText.quote(streamId) + " in "
                    + dialect.databaseName() + ": " + e.getMessage(), e);
        }
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
        return Transactions.inTransaction(connection, work);
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
        private GroupCommitListener groupCommitListener = GroupCommitListener.NONE;
        private boolean allowTruncation;

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

        /** Told of every group commit (appends and events it combined), e.g. for metrics; default none. */
        public B groupCommitListener(GroupCommitListener listener) {
            this.groupCommitListener = Objects.requireNonNull(listener, "listener");
            return self();
        }

        /** Whether {@link JdbcEventStore#truncateBefore} may delete events (default false). */
        public B allowTruncation(boolean allow) {
            this.allowTruncation = allow;
            return self();
        }

        /** This builder, as its own type. */
        protected abstract B self();
    }
}
