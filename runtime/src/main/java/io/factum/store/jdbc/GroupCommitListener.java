package io.factum.store.jdbc;

/**
 * Told of every group commit a {@link JdbcEventStore} writes (see {@link JdbcEventStore.Options#groupCommit}),
 * for metrics: how many appends and events one transaction combined. Called on the writing thread after
 * the batch's outcome is known, before its callers return; keep it cheap and never throw.
 */
@FunctionalInterface
public interface GroupCommitListener {

    /** Listens to nothing. */
    GroupCommitListener NONE = (appends, events, committed) -> { };

    /**
     * @param appends   appends the batch combined
     * @param events    events of those appends
     * @param committed whether the batch transaction committed; when not, its appends were written one by one
     */
    void batchWritten(int appends, int events, boolean committed);
}
