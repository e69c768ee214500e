package io.factum.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot as a store keeps it: the encoded state of one aggregate after the event at
 * {@code streamRevision} of its stream, and the compile-time fingerprint of the code that wrote it.
 *
 * @param streamId       the aggregate's stream
 * @param aggregateType  the aggregate name ({@code AggregateType.name()}) that took it
 * @param streamRevision the revision of the last event it includes
 * @param fingerprint    the generated {@code SNAPSHOT_FINGERPRINT} of the code that took it
 * @param payload        the snapshot record, as its generated codec wrote it
 * @param takenAt        when it was taken
 */
public record StoredSnapshot(String streamId, String aggregateType, long streamRevision, String fingerprint,
                             byte[] payload, Instant takenAt) {

    public StoredSnapshot {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(takenAt, "takenAt");
        if (streamRevision < 0) {
            throw new IllegalArgumentException("A snapshot follows an event, so its stream revision is 0 or more, was "
                    + streamRevision);
        }
    }

    @Override
    public String toString() {
        return "StoredSnapshot[" + streamId + "@" + streamRevision + ", " + aggregateType + ", " + fingerprint + ", "
                + payload.length + " bytes, " + takenAt + "]";
    }
}
