package io.factum.subscription;

import io.factum.store.jdbc.JdbcDialect;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every statement on a store's leases table, each a small named function. A subscription has one
 * row per slice ({@code slice >= 0}; exclusive mode has the one slice 0) holding its owner, its
 * expiry by the database's clock, its fencing token and, partitioned, its checkpoint; and a head
 * row ({@code slice = -1}) recording the mode and slice count the first instance started with and
 * handing out fencing tokens: every claim takes the next one, under the head row's lock, so tokens
 * rise at every change of owner. Times are always the database's ({@link JdbcDialect#databaseTime()}),
 * never a client's.
 */
final class LeaseTable {

    /** The head row's slice number. */
    static final int HEAD = -1;

    /** One row of the table, as {@link #list} reads it. */
    record Row(int slice, String mode, int sliceCount, String owner, Instant expiresAt, boolean expired, long token,
            long checkpoint) {}

    private final JdbcEventStore store;
    private final String table;
    private final String insertRow;
    private final String selectHead;
    private final String nextToken;
    private final String claim;
    private final String renew;
    private final String fence;
    private final String release;
    private final String selectAll;
    private final String countClaimable;
    private final String lockHead;
    private final String selectLiveOwner;
    private final String dropExpiredOwners;

    LeaseTable(JdbcEventStore store) {
        this.store = store;
        JdbcDialect dialect = store.dialect();
        this.table = store.tables().leases();
        String now = dialect.databaseTime();
        String later = dialect.plusMillis(now);
        this.insertRow = "INSERT INTO " + table + " (subscription, slice, mode, slice_count, owner, expires_at, token, checkpoint)"
                + " VALUES (?, ?, ?, ?, NULL, " + now + ", 0, ?) ON CONFLICT (subscription, slice) DO NOTHING";
        this.selectHead = "SELECT mode, slice_count FROM " + table + " WHERE subscription = ? AND slice = " + HEAD;
        this.nextToken = "UPDATE " + table + " SET token = token + 1 WHERE subscription = ? AND slice = " + HEAD
                + " RETURNING token";
        this.claim = "UPDATE " + table + " SET owner = ?, token = ?, expires_at = " + later
                + " WHERE subscription = ? AND slice BETWEEN ? AND ? AND (owner IS NULL OR expires_at <= " + now + ")";
        this.renew = "UPDATE " + table + " SET expires_at = " + later
                + " WHERE subscription = ? AND slice BETWEEN ? AND ? AND owner = ? AND token = ?";
        // Changes nothing but locks the rows (PostgreSQL) until the batch commits: a claim waits for it.
        this.fence = "UPDATE " + table + " SET token = token"
                + " WHERE subscription = ? AND slice BETWEEN ? AND ? AND owner = ? AND token = ?";
        this.release = "UPDATE " + table + " SET owner = NULL, expires_at = " + now
                + " WHERE subscription = ? AND slice >= 0 AND owner = ? AND token = ?";
        this.selectAll = "SELECT slice, mode, slice_count, owner, expires_at, CASE WHEN expires_at <= " + now
                + " THEN 1 ELSE 0 END, token, checkpoint FROM " + table + " WHERE subscription = ? ORDER BY slice";
        this.countClaimable = "SELECT COUNT(*) FROM " + table + " WHERE subscription = ? AND slice BETWEEN ? AND ?"
                + " AND (owner IS NULL OR expires_at <= " + now + ")";
        this.lockHead = "UPDATE " + table + " SET token = token WHERE subscription = ? AND slice = " + HEAD;
        this.selectLiveOwner = "SELECT owner, expires_at FROM " + table + " WHERE subscription = ? AND slice >= 0"
                + " AND owner IS NOT NULL AND expires_at > " + now + " ORDER BY slice LIMIT 1";
        this.dropExpiredOwners = "UPDATE " + table + " SET owner = NULL WHERE subscription = ? AND slice >= 0"
                + " AND owner IS NOT NULL";
    }

    /**
     * In the caller's transaction, before a write no instance may race (a reset): takes the head row's lock,
     * which every claim takes too, so no claim slips in before the caller commits; refuses while an instance
     * holds a live lease of a slice; and forgets the owners of expired leases, so that one that is only paused
     * can neither renew nor pass its fencing check afterwards.
     *
     * @throws IllegalStateException naming the instance and its lease's expiry
     */
    void refuseWhileHeld(Connection connection, String subscription, String what) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(lockHead);
             PreparedStatement live = connection.prepareStatement(selectLiveOwner);
             PreparedStatement drop = connection.prepareStatement(dropExpiredOwners)) {
            lock.setString(1, subscription);
            lock.executeUpdate();
            live.setString(1, subscription);
            try (ResultSet row = live.executeQuery()) {
                if (row.next()) {
                    throw new IllegalStateException("Subscription '" + subscription + "' runs in instance "
                            + row.getString(1) + " (its lease lasts until " + store.dialect().getTimestamp(row, 2)
                            + " by the database's clock); stop every instance before " + what);
                }
            }
            drop.setString(1, subscription);
            drop.executeUpdate();
        }
    }

    /**
     * Records the subscription's mode when it is the first instance to start, and creates its slice
     * rows (checkpoint {@code startCheckpoint}); or checks that the recorded mode is {@code mode}.
     *
     * @throws SubscriptionModeMismatchException when another mode or slice count is recorded
     */
    void register(String subscription, SubscriptionMode mode) {
        register(subscription, mode, 0);
    }

    /** As {@link #register(String, SubscriptionMode)}, new slice rows starting at checkpoint {@code startCheckpoint}. */
    void register(String subscription, SubscriptionMode mode, long startCheckpoint) {
        inTransaction("register subscription '" + subscription + "'", connection -> {
            insert(connection, subscription, HEAD, mode, 0);
            SubscriptionMode stored;
            try (PreparedStatement select = connection.prepareStatement(selectHead)) {
                select.setString(1, subscription);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    stored = SubscriptionMode.stored(row.getString(1), row.getInt(2));
                }
            }
            if (!stored.equals(mode)) {
                throw new SubscriptionModeMismatchException(subscription, table, stored, mode);
            }
            for (int slice = 0; slice < mode.sliceCount(); slice++) {
                insert(connection, subscription, slice, mode, startCheckpoint);
            }
            return null;
        });
    }

    /**
     * Refuses to start an instance without a lease ({@code configured}) of a subscription that a
     * fleet runs with one.
     *
     * @throws SubscriptionModeMismatchException when a mode is recorded for {@code subscription}
     */
    void refuseIfLeased(String subscription, SubscriptionMode configured) {
        inTransaction("read the mode of subscription '" + subscription + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectHead)) {
                select.setString(1, subscription);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        throw new SubscriptionModeMismatchException(subscription, table,
                                SubscriptionMode.stored(row.getString(1), row.getInt(2)), configured);
                    }
                }
            }
            return null;
        });
    }

    private void insert(Connection connection, String subscription, int slice, SubscriptionMode mode, long checkpoint)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertRow)) {
            insert.setString(1, subscription);
            insert.setInt(2, slice);
            insert.setString(3, mode.storedName());
            insert.setInt(4, mode.sliceCount());
            insert.setLong(5, checkpoint);
            insert.executeUpdate();
        }
    }

    /**
     * Claims those of slices {@code first..last} that nobody holds or whose lease expired, for
     * {@code leaseMillis}, with a new fencing token.
     *
     * @return the token and how many slices it claimed; {@code null} when none could be claimed
     */
    Claim claim(String subscription, String instance, int first, int last, long leaseMillis) {
        return inTransaction("claim the lease of subscription '" + subscription + "'", connection -> {
            if (count(connection, countClaimable, subscription, first, last) == 0) {
                return null; // nothing to claim: take no token, and on SQLite no write lock for long
            }
            long token;
            try (PreparedStatement next = connection.prepareStatement(nextToken)) {
                next.setString(1, subscription);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    token = row.getLong(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(claim)) {
                update.setString(1, instance);
                update.setLong(2, token);
                update.setLong(3, leaseMillis);
                update.setString(4, subscription);
                update.setInt(5, first);
                update.setInt(6, last);
                int claimed = update.executeUpdate();
                return claimed == 0 ? null : new Claim(token, claimed);
            }
        });
    }

    /** A successful claim: its fencing token, and how many slices it took. */
    record Claim(long token, int slices) {}

    /** Extends the lease of slices {@code first..last}; false when some of them are no longer this instance's. */
    boolean renew(String subscription, String instance, long token, int first, int last, long leaseMillis) {
        return inTransaction("renew the lease of subscription '" + subscription + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(renew)) {
                update.setLong(1, leaseMillis);
                update.setString(2, subscription);
                update.setInt(3, first);
                update.setInt(4, last);
                update.setString(5, instance);
                update.setLong(6, token);
                return update.executeUpdate() == last - first + 1;
            }
        });
    }

    /**
     * The fencing check, inside the caller's transaction: true when slices {@code first..last} are
     * still held by {@code instance} with {@code token}. On PostgreSQL their rows stay locked until
     * the transaction ends, so a takeover waits for it, and then finds its commit.
     */
    boolean stillHeld(Connection connection, String subscription, String instance, long token, int first, int last)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(fence)) {
            update.setString(1, subscription);
            update.setInt(2, first);
            update.setInt(3, last);
            update.setString(4, instance);
            update.setLong(5, token);
            return update.executeUpdate() == last - first + 1;
        }
    }

    /** Gives up the slices held with {@code token}: another instance may claim them at once. */
    void release(String subscription, String instance, long token) {
        inTransaction("release the lease of subscription '" + subscription + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(release)) {
                update.setString(1, subscription);
                update.setString(2, instance);
                update.setLong(3, token);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Every row of {@code subscription}, the head row first; empty if it never started with a lease. */
    List<Row> list(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(selectAll)) {
            select.setString(1, subscription);
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getInt(1), row.getString(2), row.getInt(3), row.getString(4),
                            store.dialect().getTimestamp(row, 5), row.getInt(6) == 1, row.getLong(7), row.getLong(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the leases of subscription '" + subscription + "' in " + table + ": "
                    + e.getMessage(), e);
        }
    }

    private static int count(Connection connection, String sql, String subscription, int first, int last)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, subscription);
            select.setInt(2, first);
            select.setInt(3, last);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Work on one connection inside a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction of its own on a connection of the store. */
    <T> T inTransaction(String what, Work<T> work) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            return JdbcEventStore.inTransaction(connection, () -> work.run(connection));
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot " + what + " in " + table + ": " + e.getMessage(), e);
        }
    }
}
