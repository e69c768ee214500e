package io.factum.store;

import io.factum.MessageText;
import io.factum.FactumException;

/**
 * An append's {@link ExpectedRevision} did not match the stream: another writer got there first.
 * Nothing of the append was stored. Reload the aggregate and retry the command.
 */
public class WrongExpectedRevisionException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final String streamId;
    private final transient ExpectedRevision expected;
    private final long actual;

    public WrongExpectedRevisionException(String streamId, ExpectedRevision expected, long actual) {
        super("Append to stream " + MessageText.quote(streamId) + " expected " + expected + " but the stream "
                + (actual < 0 ? "does not exist" : "is at revision " + actual)
                + "; nothing was written. Reload and retry the command.");
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedRevision expected() {
        return expected;
    }

    /** The stream's actual last revision, {@code -1} if it does not exist. */
    public long actual() {
        return actual;
    }
}
