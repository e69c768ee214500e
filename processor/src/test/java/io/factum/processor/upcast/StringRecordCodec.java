package io.factum.processor.upcast;

import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Test-only stand-in for a generated codec: reads and writes a record of String components by
 * reflection. (Generated codecs never use reflection; this only spares the tests hand-written codecs
 * for records compiled at test time.)
 */
final class StringRecordCodec<T> implements EventCodec<T> {
    private final Class<T> type;

    StringRecordCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void write(JsonGenerator generator, T value) {
        generator.writeStartObject();
        try {
            for (RecordComponent component : type.getRecordComponents()) {
                Object field = component.getAccessor().invoke(value);
                if (field != null) {
                    generator.writeStringProperty(component.getName(), (String) field);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        generator.writeEndObject();
    }

    @Override
    public T read(JsonParser parser) {
        Map<String, String> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, parser.getString());
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            arguments[i] = values.get(components[i].getName());
        }
        try {
            return type.getDeclaredConstructor(parameterTypes).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new EventDecodingException(type.getSimpleName(), null, e.toString());
        }
    }
}
