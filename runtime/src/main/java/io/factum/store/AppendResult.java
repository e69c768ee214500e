package io.factum.store;

/**
 * The outcome of an append.
 *
 * @param streamId       the stream appended to
 * @param lastRevision   the stream's revision after the append (the expected revision of the next one)
 * @param lastPosition   global position of the last event appended, or of the last event of the stream
 *                       when the append was empty or an idempotent repeat
 */
public record AppendResult(String streamId, long lastRevision, long lastPosition) {}
