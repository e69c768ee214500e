package io.factum.subscription;

import java.util.OptionalLong;

/**
 * Where subscriptions keep the global position of the last event they handled, keyed by
 * subscription name. Keep checkpoints in the same database as the events
 * ({@link JdbcCheckpointStore}) so they survive exactly as long as the events do.
 */
public interface CheckpointStore {

    /** The stored position of {@code subscription}, or {@code 0} if it has none (start from the beginning). */
    long load(String subscription);

    /**
     * The stored position of {@code subscription}, or empty if none was ever saved: a subscription
     * without one starts at its {@link StartPosition}. The default reads {@link #load} and takes
     * {@code 0} for none; both checkpoint stores of Factum tell the two apart.
     */
    default OptionalLong find(String subscription) {
        long position = load(subscription);
        return position == 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** Stores {@code position} as the checkpoint of {@code subscription}, durably before returning. */
    void save(String subscription, long position);
}
