package io.factum.subscription;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A subscription's checkpoint in its {@link CheckpointStore}, saved at most once per
 * {@code interval} while catching up: each save is a commit, and on a busy disk a commit per
 * batch costs more than reading the batch. What was handled but not saved yet is kept here until
 * the next save, which the subscription forces whenever it catches up, parks an event, fails or
 * stops; a crash in between repeats those events (at-least-once). With {@link Duration#ZERO} every
 * batch is saved.
 *
 * <p>Changed only under the subscription's processing lock; {@link #load()} may run on any thread.
 */
final class CheckpointSaver {

    private final String subscription;
    private final CheckpointStore store;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** Where to start when no checkpoint is saved: resolved then, and saved. */
    private final LongSupplier start;
    private final boolean startIsBeginning;
    private long lastSave;
    /** The position handled but not saved yet, or -1 when the store is up to date. */
    private volatile long unsaved = -1;

    CheckpointSaver(String subscription, CheckpointStore store, Duration interval, LongSupplier nanoTime) {
        this(subscription, store, interval, nanoTime, () -> 0, true);
    }

    /**
     * @param start            resolves the start position when no checkpoint is saved
     * @param startIsBeginning whether {@code start} is always 0, which needs no save to be found again
     */
    CheckpointSaver(String subscription, CheckpointStore store, Duration interval, LongSupplier nanoTime,
            LongSupplier start, boolean startIsBeginning) {
        this.subscription = subscription;
        this.start = start;
        this.startIsBeginning = startIsBeginning;
        this.store = store;
        // Longer than ~292 years does not fit in nanoseconds, and means the same as the longest that does.
        this.intervalNanos = interval.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastSave = nanoTime.getAsLong();
    }

    /**
     * Where to go on from: the position handled but not saved yet, else the stored checkpoint, else
     * the start position, which it saves (so a restart finds it and does not resolve it again).
     */
    long load() {
        long handled = unsaved;
        if (handled >= 0) {
            return handled;
        }
        if (startIsBeginning) {
            return store.load(subscription);
        }
        OptionalLong saved = store.find(subscription);
        if (saved.isPresent()) {
            return saved.getAsLong();
        }
        long position = start.getAsLong();
        save(position);
        return position;
    }

    /** As {@link #load()}, without saving anything: for looking from other threads. */
    long peek() {
        long handled = unsaved;
        if (handled >= 0) {
            return handled;
        }
        OptionalLong saved = startIsBeginning ? OptionalLong.of(store.load(subscription)) : store.find(subscription);
        return saved.isPresent() ? saved.getAsLong() : start.getAsLong();
    }

    /** Forgets what was handled but not saved: another instance went on from the saved checkpoint meanwhile. */
    void forgetUnsaved() {
        unsaved = -1;
    }

    /** Saves {@code position} now (also when it is behind, as {@code reset()} does). */
    void save(long position) {
        store.save(subscription, position);
        unsaved = -1;
        lastSave = nanoTime.getAsLong();
    }

    /**
     * Every event up to {@code position} was handled or parked: saves it if {@code interval} has
     * passed since the last save, else keeps it for a later one.
     */
    void handled(long position) {
        unsaved = position;
        if (nanoTime.getAsLong() - lastSave >= intervalNanos) {
            save(position);
        }
    }

    /** Saves what was handled but not saved yet, if anything. */
    void saveUnsaved() {
        long handled = unsaved;
        if (handled >= 0) {
            save(handled);
        }
    }
}
