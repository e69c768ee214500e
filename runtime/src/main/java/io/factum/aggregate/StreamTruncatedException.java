package io.factum.aggregate;

import io.factum.FactumException;
import io.factum.MessageText;

/**
 * A stream whose early events were deleted ({@code truncateBefore}) could not be loaded: it has no snapshot this
 * code can restore, or its snapshot ends before the first event kept. Replaying what is left would build a wrong
 * aggregate, so the load fails instead.
 */
public final class StreamTruncatedException extends FactumException {

    private final String streamId;
    private final long firstRevision;

    public StreamTruncatedException(String streamId, long firstRevision, String why) {
        super("Stream " + MessageText.quote(streamId) + " starts at revision " + firstRevision + " (its earlier events were"
                + " truncated), and " + why + "; restore a snapshot that fits (redeploy the code that took it, or"
                + " restore the deleted events from their archive)");
        this.streamId = streamId;
        this.firstRevision = firstRevision;
    }

    /** The stream that could not be loaded. */
    public String streamId() {
        return streamId;
    }

    /** The first revision the stream still has. */
    public long firstRevision() {
        return firstRevision;
    }
}
