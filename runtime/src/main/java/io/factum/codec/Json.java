package io.factum.codec;

import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.event.EventJson;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.store.StoredEvent;
import tools.jackson.core.json.JsonFactory;

/** Turns records into JSON bytes and back through their generated codecs. Thread-safe. */
public final class Json {

    /** The one factory Factum uses; Jackson factories are thread-safe and costly to create. */
    public static final JsonFactory FACTORY = EventJson.FACTORY;

    private Json() {}

    /** Encodes {@code value} with {@code codec} to UTF-8 JSON bytes. */
    public static <T> byte[] encode(EventCodec<T> codec, T value) {
        return EventJson.encode(codec, value);
    }

    /**
     * Decodes one JSON object with {@code codec}. {@code typeName} is used in error messages.
     *
     * @throws EventDecodingException when the JSON is corrupt, truncated, not an object, followed by
     *                                trailing content, or does not fit the record
     */
    public static <T> T decode(EventCodec<T> codec, byte[] json, String typeName) {
        return EventJson.decode(codec, json, typeName);
    }

    /** Decodes a stored event's payload; errors name the stream, revision, position and type. */
    public static <T> T decode(EventCodec<T> codec, StoredEvent event) {
        try {
            return decode(codec, event.payload(), event.type());
        } catch (EventDecodingException e) {
            throw e.at(event);
        }
    }

    /**
     * Decodes a stored event that replay expects to be a {@code type}: with {@code codec} when it was stored at
     * {@code currentVersion} (the common case, no lookup), and otherwise through {@code registry}, which upcasts
     * an older version to the current record and rejects a version this code does not know.
     *
     * @throws UnknownEventTypeException if the registry knows no such version, or upcasts it to another class
     *                                   than {@code type}
     * @throws EventDecodingException    if the payload does not decode or an upcaster fails
     */
    public static <T> T decode(EventCodec<T> codec, int currentVersion, Class<T> type, StoredEvent event,
                               EventTypeRegistry registry) {
        if (event.schemaVersion() == currentVersion) {
            return decode(codec, event);
        }
        Object upcast = registry.decode(event);
        if (!type.isInstance(upcast)) {
            throw new UnknownEventTypeException(event, "it decodes to " + upcast.getClass().getName()
                    + ", but replay expects " + type.getName() + " for this stored name");
        }
        return type.cast(upcast);
    }
}
