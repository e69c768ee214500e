package io.factum.store.jdbc;

import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/** Metadata headers as a flat JSON object of strings, sorted by name. Null stands for no headers. */
final class HeadersJson {

    /** The store's own factory: the store layer does not reach up to the codecs. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private HeadersJson() {}

    static String write(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> header : new TreeMap<>(headers).entrySet()) {
                generator.writeStringProperty(header.getKey(), header.getValue());
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException if {@code json} is not a flat object of strings */
    static Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> headers = new TreeMap<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("headers must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("header '" + name + "' must be a string");
                }
                headers.put(name, parser.getString());
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("headers are not valid JSON: " + e.getOriginalMessage(), e);
        }
        return headers;
    }
}
