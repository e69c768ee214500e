package io.factum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The snapshot store contract, run against every implementation: same tests, different factory. */
public abstract class SnapshotStoreContract {

    protected SnapshotStore snapshots;

    /** A new, empty snapshot store. */
    protected abstract SnapshotStore newSnapshotStore();

    /** Releases what {@link #newSnapshotStore()} opened. */
    protected void closeSnapshotStore(SnapshotStore store) {}

    @BeforeEach
    void open() {
        snapshots = newSnapshotStore();
    }

    @AfterEach
    void close() {
        closeSnapshotStore(snapshots);
    }

    protected static StoredSnapshot snapshot(String streamId, long revision, String payload) {
        return new StoredSnapshot(streamId, "Order", revision, "f" + revision,
                payload.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    @Test
    void aStreamWithoutSnapshotHasNone() {
        assertThat(snapshots.latest("Order-1")).isEmpty();
    }

    @Test
    void keepsEveryFieldOfTheSnapshot() {
        byte[] binary = {0, -1, 127, -128, '{', 10};
        StoredSnapshot written = new StoredSnapshot("Order-1", "Order", 41, "0123456789abcdef0123456789abcdef", binary,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        snapshots.save(written);

        StoredSnapshot read = snapshots.latest("Order-1").orElseThrow();
        assertThat(read.streamId()).isEqualTo("Order-1");
        assertThat(read.aggregateType()).isEqualTo("Order");
        assertThat(read.streamRevision()).isEqualTo(41);
        assertThat(read.fingerprint()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(read.payload()).containsExactly(binary);
        assertThat(read.takenAt()).isEqualTo(written.takenAt());
    }

    @Test
    void aNewerSnapshotReplacesTheOlderOne() {
        snapshots.save(snapshot("Order-1", 9, "{\"a\":9}"));
        snapshots.save(snapshot("Order-1", 19, "{\"a\":19}"));
        snapshots.save(snapshot("Order-1", 19, "{\"again\":19}"));

        StoredSnapshot latest = snapshots.latest("Order-1").orElseThrow();
        assertThat(latest.streamRevision()).isEqualTo(19);
        assertThat(new String(latest.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"again\":19}");
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        snapshots.save(snapshot("Order-1", 19, "{\"a\":19}"));
        snapshots.save(snapshot("Order-1", 9, "{\"a\":9}"));

        assertThat(snapshots.latest("Order-1").orElseThrow().streamRevision()).isEqualTo(19);
    }

    @Test
    void streamsHaveSnapshotsOfTheirOwn() {
        snapshots.save(snapshot("Order-1", 3, "{}"));
        snapshots.save(snapshot("Order-2", 7, "{}"));
        snapshots.delete("Order-1");

        assertThat(snapshots.latest("Order-1")).isEmpty();
        assertThat(snapshots.latest("Order-2").orElseThrow().streamRevision()).isEqualTo(7);
        snapshots.delete("Order-1"); // deleting what is not there is fine
    }

    @Test
    void anInvalidStreamIdIsATypedError() {
        assertThatThrownBy(() -> snapshots.latest("")).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> snapshots.save(snapshot("bad\nid", 1, "{}"))).isInstanceOf(InvalidStreamIdException.class);
    }
}
