package io.factum.store;

import io.factum.MessageText;
import io.factum.FactumException;

/** An event payload exceeds the store's size limit. Nothing of the append was stored. */
public class PayloadTooLargeException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String streamId;
    private final String type;
    private final int size;
    private final int limit;

    public PayloadTooLargeException(String streamId, String type, int size, int limit) {
        super("Payload of " + type + " for stream " + MessageText.quote(streamId) + " is " + size + " bytes, over the limit of "
                + limit + " bytes; nothing was written. Store large data elsewhere and reference it from the event.");
        this.streamId = streamId;
        this.type = type;
        this.size = size;
        this.limit = limit;
    }

    public String streamId() {
        return streamId;
    }

    public String type() {
        return type;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
