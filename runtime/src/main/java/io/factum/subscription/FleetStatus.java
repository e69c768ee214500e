package io.factum.subscription;

import io.factum.store.SliceRange;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an operator wants to know about one subscription of a JDBC store, read from its tables, so
 * any process can ask, whether it runs the subscription or not: its mode, who holds which slices
 * until when, its checkpoint and how many events it is behind.
 *
 * @param name       the subscription
 * @param mode       as recorded by the first instance that started with a lease; single-process when none did
 * @param leases     one per slice range with one owner, token and checkpoint (exclusive mode: one), empty in
 *                   single-process mode
 * @param checkpoint the saved checkpoint (exclusive and single-process: {@code <prefix>checkpoints}); partitioned,
 *                   the lowest of the slices'
 * @param lag        how many stored events lie after the checkpoint (partitioned: after each range's checkpoint, of
 *                   that range's streams)
 */
public record FleetStatus(String name, SubscriptionMode mode, List<Lease> leases, long checkpoint, long lag) {

    /**
     * A lease as the database sees it.
     *
     * @param slices    the slices it covers
     * @param owner     the instance holding it, empty when released
     * @param expiresAt when it expires by the database's clock
     * @param expired   whether it had expired when read (by the database's clock)
     * @param token      the fencing token it was last claimed with
     * @param checkpoint the saved checkpoint of its slices (exclusive mode: the subscription's)
     */
    public record Lease(SliceRange slices, Optional<String> owner, Instant expiresAt, boolean expired, long token,
            long checkpoint) {

        /** Whether an instance holds it now: owned and not expired. */
        public boolean live() {
            return owner.isPresent() && !expired;
        }
    }

    /** The status of {@code subscription} in {@code store}. */
    public static FleetStatus of(JdbcEventStore store, String subscription) {
        List<LeaseTable.Row> rows = new LeaseTable(store).list(subscription);
        SubscriptionMode mode = SubscriptionMode.singleProcess();
        boolean partitioned = false;
        long checkpoint = new JdbcCheckpointStore(store).load(subscription);
        List<Lease> leases = new ArrayList<>();
        for (LeaseTable.Row row : rows) {
            if (row.slice() == LeaseTable.HEAD) {
                mode = SubscriptionMode.stored(row.mode(), row.sliceCount());
                partitioned = mode.isPartitioned();
                continue;
            }
            long saved = partitioned ? row.checkpoint() : checkpoint;
            Lease previous = leases.isEmpty() ? null : leases.get(leases.size() - 1);
            if (previous != null && previous.token() == row.token() && previous.owner().equals(Optional.ofNullable(row.owner()))
                    && previous.checkpoint() == saved && previous.slices().last() + 1 == row.slice()) {
                leases.set(leases.size() - 1, new Lease(new SliceRange(previous.slices().first(), row.slice(), row.sliceCount()),
                        previous.owner(), previous.expiresAt(), previous.expired(), previous.token(), saved));
            } else {
                leases.add(new Lease(new SliceRange(row.slice(), row.slice(), row.sliceCount()),
                        Optional.ofNullable(row.owner()), row.expiresAt(), row.expired(), row.token(), saved));
            }
        }
        if (!partitioned) {
            return new FleetStatus(subscription, mode, List.copyOf(leases), checkpoint, eventsAfter(store, checkpoint, null));
        }
        long lowest = Long.MAX_VALUE;
        long lag = 0;
        for (Lease lease : leases) {
            lowest = Math.min(lowest, lease.checkpoint());
            lag += eventsAfter(store, lease.checkpoint(), lease.slices());
        }
        return new FleetStatus(subscription, mode, List.copyOf(leases), leases.isEmpty() ? 0 : lowest, lag);
    }

    /** The names of every subscription with a checkpoint or a lease in {@code store}, sorted. */
    public static List<String> names(JdbcEventStore store) {
        store.ensureSchema();
        TreeSet<String> names = new TreeSet<>();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name FROM " + store.tables().checkpoints()
                     + " UNION SELECT subscription FROM " + store.tables().leases());
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot list the subscriptions of " + store.tables() + ": " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }

    /** The instances holding a live lease, in slice order, each once. */
    public List<String> owners() {
        return leases.stream().filter(Lease::live).map(lease -> lease.owner().orElseThrow()).distinct().toList();
    }

    /** The slices each live owner holds, by owner, in slice order. */
    public Map<String, Integer> slicesByOwner() {
        Map<String, Integer> slices = new LinkedHashMap<>();
        leases.stream().filter(Lease::live).forEach(lease -> slices.merge(lease.owner().orElseThrow(), lease.slices().size(),
                Integer::sum));
        return slices;
    }

    /** The events after {@code position}, of the streams in {@code slices} (all when null). */
    private static long eventsAfter(JdbcEventStore store, long position, SliceRange slices) {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + store.tables().events()
                     + " WHERE position > ?" + (slices == null ? "" : " AND stream_hash BETWEEN ? AND ?"))) {
            count.setLong(1, position);
            if (slices != null) {
                count.setInt(2, slices.lowestHash());
                count.setInt(3, slices.highestHash());
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot count the events after position " + position + " in "
                    + store.tables().events() + ": " + e.getMessage(), e);
        }
    }
}
