package io.factum.kafka;

import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.event.Upcaster;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Stands in for a generated registry: {@code Happened} v1 ({@code {"n":..}}, what {@link RelayTestEvents} stores)
 * and v2 (with a source), and the upcaster between them.
 */
final class TestEventTypes {

    record HappenedV1(int n) {}

    record Happened(int n, String source) {}

    private TestEventTypes() {}

    static EventTypeRegistry registry() {
        EventType<HappenedV1> v1 = new EventType<>("Happened", 1, HappenedV1.class, new EventCodec<>() {
            @Override
            public void write(JsonGenerator generator, HappenedV1 value) {
                generator.writeStartObject();
                generator.writeNumberProperty("n", value.n());
                generator.writeEndObject();
            }

            @Override
            public HappenedV1 read(JsonParser parser) {
                Integer n = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("n")) {
                        n = parser.getIntValue();
                    } else {
                        parser.skipChildren();
                    }
                }
                if (n == null) {
                    throw new EventDecodingException("Happened", "n", "required property n is missing");
                }
                return new HappenedV1(n);
            }
        });
        EventType<Happened> v2 = new EventType<>("Happened", 2, Happened.class, new EventCodec<>() {
            @Override
            public void write(JsonGenerator generator, Happened value) {
                generator.writeStartObject();
                generator.writeNumberProperty("n", value.n());
                generator.writeStringProperty("source", value.source());
                generator.writeEndObject();
            }

            @Override
            public Happened read(JsonParser parser) {
                int n = 0;
                String source = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("n")) {
                        n = parser.getIntValue();
                    } else if (name.equals("source")) {
                        source = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
                return new Happened(n, source);
            }
        });
        Upcaster<HappenedV1, Happened> upcaster = new Upcaster<>() {
            @Override
            public Class<HappenedV1> from() {
                return HappenedV1.class;
            }

            @Override
            public Class<Happened> to() {
                return Happened.class;
            }

            @Override
            public Happened upcast(HappenedV1 event) {
                return new Happened(event.n(), "upcast");
            }
        };
        return EventTypeRegistry.ofTypes(List.of(v1, v2), List.of(upcaster));
    }
}
