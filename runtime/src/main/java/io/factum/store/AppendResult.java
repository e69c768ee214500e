package io.factum.store;

/**
 * The outcome of an append.
 *
 * <p>For an append that stored events, the last of them. For an idempotent repeat, the result of
 * the original append (its last event), even if the stream has grown since. For an empty append,
 * the stream's last event, or {@code -1} and {@code -1} when the stream does not exist.
 *
 * @param streamId       the stream appended to
 * @param lastRevision   revision of the last event of the append (the expected revision of the next one)
 * @param lastPosition   global position of that event; it names that event once the append has
 *                       committed (on SQLite, the position of an append whose transaction rolled
 *                       back goes to the next append; see {@code docs/storage.md})
 */
public record AppendResult(String streamId, long lastRevision, long lastPosition) {}
