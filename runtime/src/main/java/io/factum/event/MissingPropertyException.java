package io.factum.event;

/**
 * A required property of an event payload is absent. The {@link #property() property} is its path,
 * e.g. {@code lines[2].quantity}.
 *
 * <p>Usually the payload was written by an older version of the record: add the component as
 * {@code Optional<T>} or {@code @Nullable}, or upcast the old version.
 */
public class MissingPropertyException extends EventDecodingException {
    private static final long serialVersionUID = 1L;

    public MissingPropertyException(String eventType, String property) {
        super(eventType, property, "required property is missing");
    }
}
