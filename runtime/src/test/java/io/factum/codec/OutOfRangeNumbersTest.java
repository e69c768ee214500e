package io.factum.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Numbers Jackson cannot turn into the component's type (an exponent beyond an int) and any other
 * unexpected exception of a codec leave a decode only as an {@link EventDecodingException}.
 */
class OutOfRangeNumbersTest {

    /** {@code {"total": <number>}} or {@code {"lines": [{"net": <number>}]}}, read as a BigDecimal. */
    private static final EventCodec<BigDecimal> TOTAL = new EventCodec<>() {
        @Override
        public void write(JsonGenerator generator, BigDecimal value) {
            generator.writeStartObject();
            generator.writeNumberProperty("total", value);
            generator.writeEndObject();
        }

        @Override
        public BigDecimal read(JsonParser parser) {
            BigDecimal total = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                parser.nextToken();
                if (parser.currentToken() == JsonToken.START_ARRAY) {
                    parser.nextToken(); // {
                    parser.nextToken(); // "net"
                    parser.nextToken();
                    total = CodecSupport.readBigDecimal(parser, "Total");
                    parser.nextToken(); // }
                    parser.nextToken(); // ]
                } else {
                    total = CodecSupport.readBigDecimal(parser, "Total");
                }
            }
            return total;
        }
    };

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anExponentBeyondAnIntIsADecodingErrorWithTheProperty() {
        for (String number : new String[] {"1E2147483648", "1e-2147483649", "-7.5E+99999999999"}) {
            assertThatThrownBy(() -> Json.decode(TOTAL, utf8("{\"total\": " + number + "}"), "Total"))
                    .as(number)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("property 'total'")
                    .hasMessageContaining("out of range for a BigDecimal");
            assertThatThrownBy(() -> Json.decode(TOTAL, utf8("{\"lines\": [{\"net\": " + number + "}]}"), "Total"))
                    .as("nested " + number)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("property 'lines[0].net'");
        }
        assertThat(Json.decode(TOTAL, utf8("{\"total\": 1E+2147483647}"), "Total")).isEqualTo(new BigDecimal("1E+2147483647"));
    }

    @Test
    void aStoredEventsErrorNamesStreamRevisionAndPosition() {
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), "Order-1", 4, 99, "Total", 1, Instant.EPOCH,
                Metadata.empty(), utf8("{\"total\": 1E2147483648}"));
        assertThatThrownBy(() -> Json.decode(TOTAL, stored))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("stream 'Order-1' revision 4 (global position 99)");
    }

    @Test
    void anyOtherRuntimeExceptionOfACodecBecomesADecodingErrorWithItsCause() {
        IllegalStateException bug = new IllegalStateException("codec bug");
        EventCodec<Object> broken = new EventCodec<>() {
            @Override
            public void write(JsonGenerator generator, Object value) {}

            @Override
            public Object read(JsonParser parser) {
                parser.nextToken();
                parser.nextToken();
                throw bug;
            }
        };
        assertThatThrownBy(() -> Json.decode(broken, utf8("{\"a\": {\"b\": 1}}"), "Broken"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("property 'a'")
                .hasMessageContaining("codec bug")
                .hasCause(bug);
    }
}
