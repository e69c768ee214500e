package io.factum.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventDecodingException;
import io.factum.event.EventEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.util.ByteArrayBuilder;

/** Property paths and value checks that generated codecs rely on. */
class CodecSupportTest {

    /** A parser positioned on the first token whose text is {@code marker}. */
    private static JsonParser parserAt(String json, String marker) {
        JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json.getBytes(StandardCharsets.UTF_8));
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token.isScalarValue() && marker.equals(parser.getString())) {
                return parser;
            }
        }
        throw new AssertionError("no " + marker + " in " + json);
    }

    @Test
    void pathNamesObjectPropertiesArrayIndexesAndQuotesOddMapKeys() {
        JsonParser parser = parserAt("{\"a\":1,\"lines\":[{},{\"prices\":{\"EUR/USD\":{\"net\":\"x\"}}}]}", "x");

        assertThatThrownBy(() -> CodecSupport.readBigDecimal(parser, "OrderCreated"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessage("Cannot decode event OrderCreated, property 'lines[1].prices[\"EUR/USD\"].net':"
                        + " expected a number, found the string \"x\"");
    }

    @Test
    void pathOfAScalarArrayElement() {
        JsonParser parser = parserAt("{\"tags\":[\"a\",\"b\",\"x\"]}", "x");

        assertThat(CodecSupport.path(parser)).isEqualTo("tags[2]");
    }

    @Test
    void readsNumbersExactlyAndRejectsOutOfRangeValues() {
        assertThat(CodecSupport.readBigDecimal(parserAt("[0.10000000000000000000001]", "0.10000000000000000000001"), "E"))
                .isEqualTo(new BigDecimal("0.10000000000000000000001"));
        assertThatThrownBy(() -> CodecSupport.readByte(parserAt("{\"b\":128}", "128"), "E"))
                .hasMessage("Cannot decode event E, property 'b': 128 is out of range for a byte");
        assertThatThrownBy(() -> CodecSupport.readLong(parserAt("{\"l\":9223372036854775808}", "9223372036854775808"), "E"))
                .hasMessage("Cannot decode event E, property 'l': 9223372036854775808 is out of range for a long");
        assertThatThrownBy(() -> CodecSupport.readChar(parserAt("{\"c\":\"ab\"}", "ab"), "E"))
                .hasMessage("Cannot decode event E, property 'c': expected a single character, found \"ab\"");
    }

    @Test
    void encodingPathOfANullElementIsTheElementAboutToBeWritten() {
        try (ByteArrayBuilder out = new ByteArrayBuilder();
             JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            generator.writeName("lines");
            generator.writeStartArray();
            generator.writeString("first");
            generator.writeString("second");

            assertThatThrownBy(() -> CodecSupport.requiredElement(null, generator, "OrderCreated"))
                    .isInstanceOf(EventEncodingException.class)
                    .satisfies(e -> assertThat(((EventEncodingException) e).property()).isEqualTo("lines[2]"));
        }
    }
}
