package io.factum.subscription;

import io.factum.store.jdbc.JdbcDialect;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of partitioned mode, each a small named function: the members table (one row per
 * running instance, renewed by heartbeat, by which the instances work out their fair share), and
 * the slice rows' owners, tokens and checkpoints. Claiming slices and the mode's head row are
 * {@link LeaseTable}'s. Times are the database's.
 */
final class SliceTable {

    /** A slice this instance holds: its fencing token and saved checkpoint. */
    record Held(int slice, long token, long checkpoint) {}

    private final LeaseTable leases;
    private final JdbcDialect dialect;
    private final String joinMember;
    private final String dropExpiredMembers;
    private final String selectMembers;
    private final String leaveMember;
    private final String release;
    private final String selectHeld;
    private final String saveCheckpoint;
    private final String selectCheckpoint;
    private final String resetCheckpoints;

    SliceTable(JdbcEventStore store) {
        this.leases = new LeaseTable(store);
        this.dialect = store.dialect();
        String table = store.tables().leases();
        String members = store.tables().leaseMembers();
        String now = dialect.databaseTime();
        this.joinMember = "INSERT INTO " + members + " (subscription, instance, expires_at) VALUES (?, ?, "
                + dialect.plusMillis(now) + ") ON CONFLICT (subscription, instance) DO UPDATE SET expires_at = excluded.expires_at";
        this.dropExpiredMembers = "DELETE FROM " + members + " WHERE subscription = ? AND expires_at <= " + now;
        this.selectMembers = "SELECT instance FROM " + members + " WHERE subscription = ? AND expires_at > " + now
                + " ORDER BY instance";
        this.leaveMember = "DELETE FROM " + members + " WHERE subscription = ? AND instance = ?";
        this.release = "UPDATE " + table + " SET owner = NULL, expires_at = " + now
                + " WHERE subscription = ? AND slice BETWEEN ? AND ? AND owner = ? AND token = ?";
        this.selectHeld = "SELECT slice, token, checkpoint FROM " + table
                + " WHERE subscription = ? AND slice >= 0 AND owner = ? ORDER BY slice";
        this.saveCheckpoint = "UPDATE " + table + " SET checkpoint = ?"
                + " WHERE subscription = ? AND slice BETWEEN ? AND ? AND owner = ? AND token = ?";
        this.selectCheckpoint = "SELECT MIN(checkpoint) FROM " + table + " WHERE subscription = ? AND slice BETWEEN ? AND ?";
        this.resetCheckpoints = "UPDATE " + table + " SET checkpoint = 0 WHERE subscription = ? AND slice >= 0";
    }

    LeaseTable leases() {
        return leases;
    }

    /**
     * Renews this instance's membership for {@code leaseMillis} (joining if new), forgets members
     * that stopped renewing, and returns the live members, sorted: the fair share is worked out
     * from this list.
     */
    List<String> heartbeat(String subscription, String instance, long leaseMillis) {
        return leases.inTransaction("renew the membership of instance " + instance + " in subscription '" + subscription
                + "'", connection -> {
            try (PreparedStatement join = connection.prepareStatement(joinMember);
                 PreparedStatement drop = connection.prepareStatement(dropExpiredMembers);
                 PreparedStatement select = connection.prepareStatement(selectMembers)) {
                join.setString(1, subscription);
                join.setString(2, instance);
                join.setLong(3, leaseMillis);
                join.executeUpdate();
                drop.setString(1, subscription);
                drop.executeUpdate();
                select.setString(1, subscription);
                List<String> live = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        live.add(row.getString(1));
                    }
                }
                return live;
            }
        });
    }

    /** Leaves the members: the others take this instance's share at their next heartbeat. */
    void leave(String subscription, String instance) {
        leases.inTransaction("remove instance " + instance + " from subscription '" + subscription + "'", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(leaveMember)) {
                delete.setString(1, subscription);
                delete.setString(2, instance);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Gives up slices {@code first..last} held with {@code token}: another instance may claim them at once. */
    void release(String subscription, String instance, long token, int first, int last) {
        leases.inTransaction("release slices " + first + ".." + last + " of subscription '" + subscription + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(release)) {
                update.setString(1, subscription);
                update.setInt(2, first);
                update.setInt(3, last);
                update.setString(4, instance);
                update.setLong(5, token);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The slices {@code instance} holds in the database, in slice order. */
    List<Held> held(String subscription, String instance) {
        return leases.inTransaction("read the slices of instance " + instance + " in subscription '" + subscription + "'",
                connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectHeld)) {
                select.setString(1, subscription);
                select.setString(2, instance);
                List<Held> held = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        held.add(new Held(row.getInt(1), row.getLong(2), row.getLong(3)));
                    }
                }
                return held;
            }
        });
    }

    /**
     * Sets the checkpoint of slices {@code first..last} inside the caller's transaction, fenced: only
     * while every one of them is still held by {@code instance} with {@code token}.
     *
     * @return false when one of them is not, and nothing was written
     */
    boolean saveCheckpoint(Connection connection, String subscription, String instance, long token, int first, int last,
            long position) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(saveCheckpoint)) {
            update.setLong(1, position);
            update.setString(2, subscription);
            update.setInt(3, first);
            update.setInt(4, last);
            update.setString(5, instance);
            update.setLong(6, token);
            return update.executeUpdate() == last - first + 1;
        }
    }

    /** The lowest checkpoint of slices {@code first..last}; of the whole subscription with {@code 0..sliceCount-1}. */
    long checkpoint(String subscription, int first, int last) {
        return leases.inTransaction("read the checkpoint of subscription '" + subscription + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement(selectCheckpoint)) {
                select.setString(1, subscription);
                select.setInt(2, first);
                select.setInt(3, last);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            }
        });
    }

    /**
     * Sets every slice's checkpoint back to 0, unless an instance holds a live lease of one: then
     * refuses, naming it. Check and write in one transaction under the head row's lock, which every
     * claim takes, so no claim slips in ({@link LeaseTable#refuseWhileHeld}).
     *
     * @throws IllegalStateException naming the instance and its lease's expiry
     */
    void reset(String subscription) {
        leases.inTransaction("reset subscription '" + subscription + "'", connection -> {
            leases.refuseWhileHeld(connection, subscription, "reset()");
            try (PreparedStatement reset = connection.prepareStatement(resetCheckpoints)) {
                reset.setString(1, subscription);
                reset.executeUpdate();
            }
            return null;
        });
    }
}
