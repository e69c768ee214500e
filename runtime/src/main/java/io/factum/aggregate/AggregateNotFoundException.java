package io.factum.aggregate;

import io.factum.FactumException;
import io.factum.MessageText;

/** {@link AggregateRepository#load} found no events for the aggregate: it was never saved. */
public class AggregateNotFoundException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String aggregateType;
    private final String aggregateId;
    private final String streamId;

    public AggregateNotFoundException(String aggregateType, String aggregateId, String streamId) {
        super("No " + aggregateType + " with id " + MessageText.quote(aggregateId) + ": stream " + MessageText.quote(streamId) + " has no events. "
                + "Create it with a command and save it first, or use find(id) where absence is expected.");
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.streamId = streamId;
    }

    /** The aggregate type name, e.g. {@code Order}. */
    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String streamId() {
        return streamId;
    }
}
