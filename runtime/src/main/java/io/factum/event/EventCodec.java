package io.factum.event;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Writes and reads one record type as a JSON object on the Jackson streaming API.
 * The processor generates one per {@code @Event} record and per nested record.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface EventCodec<T> {

    /** Writes {@code value} as one JSON object. */
    void write(JsonGenerator generator, T value) throws JacksonException;

    /**
     * Reads one JSON object. The parser's current token is {@code START_OBJECT}; on return it
     * is the matching {@code END_OBJECT}. Unknown properties are skipped.
     *
     * @throws EventDecodingException when a required property is missing, null, or of the wrong shape
     */
    T read(JsonParser parser) throws JacksonException;
}
