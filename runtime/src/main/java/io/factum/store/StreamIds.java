package io.factum.store;

import io.factum.MessageText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules every store applies before touching its data: valid stream ids, payload sizes, event
 * ids unique within an append, and read arguments. Appends are checked before anything is
 * written, so a bad append stores nothing.
 */
public final class StreamIds {

    /** Longest stream id, in UTF-16 chars. Fits an indexed column comfortably in every store. */
    public static final int MAX_LENGTH = 200;

    /** Largest payload, in bytes (1 MiB). Events are facts, not documents. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private StreamIds() {}

    /**
     * @throws InvalidStreamIdException if {@code streamId} is null, empty, too long, or has control
     *                                  characters or unpaired surrogates (which no database can store)
     */
    public static String validate(String streamId) {
        if (streamId == null) {
            throw new InvalidStreamIdException("Stream id must not be null");
        }
        if (streamId.isBlank()) {
            throw new InvalidStreamIdException("Stream id must not be empty or blank");
        }
        if (streamId.length() > MAX_LENGTH) {
            throw new InvalidStreamIdException("Stream id is " + streamId.length() + " characters, over the limit of "
                    + MAX_LENGTH + ": " + MessageText.quote(streamId.substring(0, prefixEnd(streamId))) + "...");
        }
        for (int i = 0; i < streamId.length(); i++) {
            char c = streamId.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidStreamIdException("Stream id " + MessageText.quote(streamId) + " has a control character (U+"
                        + String.format("%04X", (int) c) + ") at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < streamId.length() && Character.isLowSurrogate(streamId.charAt(i + 1))) {
                i++; // a pair: one code point, which every store keeps
            } else if (Character.isSurrogate(c)) {
                throw new InvalidStreamIdException("Stream id " + MessageText.quote(streamId) + " has an unpaired UTF-16 "
                        + "surrogate (U+" + String.format("%04X", (int) c) + ") at index " + i
                        + ": it is no Unicode text, and databases store it as another character");
            }
        }
        return streamId;
    }

    /**
     * Validates the arguments of {@link EventStore#readStream}.
     *
     * @throws InvalidStreamIdException if the stream id is invalid
     * @throws IllegalArgumentException if {@code fromRevision < 0} or {@code maxCount < 1}
     */
    public static void validateReadStream(String streamId, long fromRevision, int maxCount) {
        validate(streamId);
        if (fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must be >= 0 (the first event is revision 0), was "
                    + fromRevision + " for stream " + MessageText.quote(streamId));
        }
        validateMaxCount(maxCount);
    }

    /**
     * Validates the arguments of {@link EventStore#readAll}.
     *
     * @throws IllegalArgumentException if {@code afterPosition < 0} or {@code maxCount < 1}
     */
    public static void validateReadAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must be >= 0 (start with 0), was " + afterPosition);
        }
        validateMaxCount(maxCount);
    }

    /** The end of the first 40 chars of a too-long id, not splitting a surrogate pair. */
    private static int prefixEnd(String streamId) {
        return Character.isHighSurrogate(streamId.charAt(39)) ? 41 : 40;
    }

    private static void validateMaxCount(int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be >= 1, was " + maxCount);
        }
    }

    /**
     * Validates the stream id, every event's payload size, and that no event id occurs twice in the
     * append; every store calls it before writing anything.
     *
     * @throws DuplicateEventIdException if two events of the append share an id
     */
    public static void validateAppend(String streamId, List<NewEvent> events) {
        validate(streamId);
        if (events == null) {
            throw new IllegalArgumentException("events must not be null (use an empty list)");
        }
        Set<UUID> ids = new HashSet<>();
        for (NewEvent event : events) {
            if (event == null) {
                throw new IllegalArgumentException("events for stream " + MessageText.quote(streamId) + " contain null");
            }
            if (event.payload().length > MAX_PAYLOAD_BYTES) {
                throw new PayloadTooLargeException(streamId, event.type(), event.payload().length, MAX_PAYLOAD_BYTES);
            }
            if (!ids.add(event.eventId())) {
                throw new DuplicateEventIdException(event.eventId(), streamId, "earlier in the same append");
            }
        }
    }
}
