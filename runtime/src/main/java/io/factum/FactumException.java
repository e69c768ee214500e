package io.factum;

/** Base of every error Factum throws on purpose. Unchecked: callers decide where to handle. */
public class FactumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FactumException(String message) {
        super(message);
    }

    public FactumException(String message, Throwable cause) {
        super(message, cause);
    }
}
