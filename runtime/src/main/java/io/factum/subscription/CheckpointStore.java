package io.factum.subscription;

/**
 * Where subscriptions keep the global position of the last event they handled, keyed by
 * subscription name. Keep checkpoints in the same database as the events
 * ({@link JdbcCheckpointStore}) so they survive exactly as long as the events do.
 */
public interface CheckpointStore {

    /** The stored position of {@code subscription}, or {@code 0} if it has none (start from the beginning). */
    long load(String subscription);

    /** Stores {@code position} as the checkpoint of {@code subscription}, durably before returning. */
    void save(String subscription, long position);
}
