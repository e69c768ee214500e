package io.factum.personal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Unwrapped data keys by subject, each for at most a time to live, at most a number of them. The bound on time
 * is what makes {@code forget} reach the other processes sharing a key store: they drop their copy of a
 * forgotten key within one time to live. The bound on size keeps the raw keys in memory few; past it, expired
 * entries go first, then arbitrary ones (the next use reloads them). Thread-safe; reads take no lock.
 */
final class KeyCache {

    /** A cached key, or the subject's forgotten state ({@code key == null}). */
    record Entry(DataKey key, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    KeyCache(int maxEntries, long ttlNanos, LongSupplier nanoTime) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A key cache holds at least 1 key, not " + maxEntries);
        }
        if (ttlNanos <= 0) {
            throw new IllegalArgumentException("A key cache's time to live must be positive: it bounds how long a"
                    + " forgotten key stays usable in other processes");
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /** The live entry of {@code subject}, or null. */
    Entry get(String subject) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(subject, entry);
            return null;
        }
        return entry;
    }

    /** Caches {@code key} (null: forgotten) for {@code subject} for one time to live. */
    void put(String subject, DataKey key) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries && !entries.containsKey(subject)) {
            makeRoom(now);
        }
        entries.put(subject, new Entry(key, now + ttlNanos));
    }

    void remove(String subject) {
        entries.remove(subject);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        Iterator<String> subjects = entries.keySet().iterator();
        while (entries.size() >= maxEntries && subjects.hasNext()) {
            subjects.next();
            subjects.remove();
        }
    }
}
