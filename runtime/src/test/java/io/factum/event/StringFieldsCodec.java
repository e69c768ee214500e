package io.factum.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** A hand-written codec for test records whose components are all strings: stands in for a generated one. */
final class StringFieldsCodec<T> implements EventCodec<T> {
    private final String typeName;
    private final Function<T, Map<String, String>> fields;
    private final Function<Map<String, String>, T> create;

    StringFieldsCodec(String typeName, Function<T, Map<String, String>> fields, Function<Map<String, String>, T> create) {
        this.typeName = typeName;
        this.fields = fields;
        this.create = create;
    }

    @Override
    public void write(JsonGenerator generator, T value) {
        generator.writeStartObject();
        for (Map.Entry<String, String> field : fields.apply(value).entrySet()) {
            generator.writeStringProperty(field.getKey(), field.getValue());
        }
        generator.writeEndObject();
    }

    @Override
    public T read(JsonParser parser) {
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, parser.getString());
        }
        try {
            return create.apply(values);
        } catch (NullPointerException e) {
            throw new EventDecodingException(typeName, null, "a required property is missing: " + values.keySet());
        }
    }
}
