package io.factum.aggregate;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What one repository's snapshots did, counted since it was created. Thread-safe; for metrics and tests. */
public final class SnapshotStats {

    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(SnapshotRejection.values().length);

    /** Loads that started from a snapshot. */
    public long restored() {
        return restored.get();
    }

    /** Snapshots written to the store. */
    public long written() {
        return written.get();
    }

    /** Snapshots that could not be taken or written (the saves and loads that asked for them succeeded). */
    public long failed() {
        return failed.get();
    }

    /** Stored snapshots not restored, for {@code reason}. */
    public long rejected(SnapshotRejection reason) {
        return rejected.get(reason.ordinal());
    }

    /** Stored snapshots not restored, for any reason. */
    public long rejected() {
        long total = 0;
        for (int i = 0; i < rejected.length(); i++) {
            total += rejected.get(i);
        }
        return total;
    }

    void restoredOne() {
        restored.incrementAndGet();
    }

    void wroteOne() {
        written.incrementAndGet();
    }

    void failedOne() {
        failed.incrementAndGet();
    }

    void rejectedOne(SnapshotRejection reason) {
        rejected.incrementAndGet(reason.ordinal());
    }

    @Override
    public String toString() {
        Map<SnapshotRejection, Long> byReason = new EnumMap<>(SnapshotRejection.class);
        for (SnapshotRejection reason : SnapshotRejection.values()) {
            if (rejected(reason) > 0) {
                byReason.put(reason, rejected(reason));
            }
        }
        return "SnapshotStats[restored=" + restored() + ", written=" + written() + ", failed=" + failed()
                + ", rejected=" + byReason + "]";
    }
}
