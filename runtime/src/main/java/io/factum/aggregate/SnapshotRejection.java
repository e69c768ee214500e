package io.factum.aggregate;

/** Why a stored snapshot was not restored; the load then replays the whole stream. */
public enum SnapshotRejection {
    /** Taken by code with another fingerprint: another snapshot record, {@code @Apply} bodies or {@code snapshotVersion}. */
    WRONG_FINGERPRINT,
    /** Stored by another aggregate type than the one loading the stream. */
    WRONG_TYPE,
    /** Its payload is corrupt, truncated or does not fit the snapshot record, or the restoring constructor threw. */
    UNDECODABLE,
    /** Restored to an aggregate whose {@code id()} is not the one loaded. */
    WRONG_ID,
    /** Its revision is above the stream's last revision (the stream was replaced, or the snapshot is not its own). */
    FUTURE_REVISION,
    /** The snapshot store could not be read. */
    UNREADABLE
}
