package io.factum.store.jdbc;

import java.util.regex.Pattern;

/**
 * The names of a store's tables, all starting with one prefix so that several applications
 * (or tests) can share a database.
 *
 * <p>Table names cannot be bound as SQL parameters, so the prefix is the only text Factum ever
 * splices into SQL. It is validated here, once, as a plain lower-case identifier.
 */
public final class TableNames {

    /** The prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "factum_";

    /** Lower-case letter first, then lower-case letters, digits and underscores; short enough for every suffix. */
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final String prefix;

    private TableNames(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @throws IllegalArgumentException if {@code prefix} is not a lower-case SQL identifier of at most 40 characters
     */
    public static TableNames withPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Table prefix " + (prefix == null ? "null" : "'" + prefix + "'")
                    + " is not allowed: use 1 to 40 characters a-z, 0-9 and '_', starting with a letter (e.g. 'billing_')");
        }
        return new TableNames(prefix);
    }

    /** Table names with the {@value #DEFAULT_PREFIX} prefix. */
    public static TableNames defaults() {
        return new TableNames(DEFAULT_PREFIX);
    }

    /** The validated prefix every table name starts with. */
    public String prefix() {
        return prefix;
    }

    /** The events table: one row per stored event. */
    public String events() {
        return prefix + "events";
    }

    /** Subscription checkpoints, keyed by subscription name. */
    public String checkpoints() {
        return prefix + "checkpoints";
    }

    /** Events a subscription could not handle and set aside. */
    public String parkedEvents() {
        return prefix + "parked_events";
    }

    /** Subscription leases: one row per (subscription, slice), with owner, expiry, fencing token and checkpoint. */
    public String leases() {
        return prefix + "leases";
    }

    /** The instances of each partitioned subscription that are alive, by heartbeat. */
    public String leaseMembers() {
        return prefix + "lease_members";
    }

    /** The latest snapshot of each stream that has one. */
    public String snapshots() {
        return prefix + "snapshots";
    }

    /** The index that reads of a slice range use: {@code (position, stream_hash)} of the events table. */
    public String sliceIndex() {
        return prefix + "events_slices";
    }

    @Override
    public String toString() {
        return prefix + "*";
    }
}
