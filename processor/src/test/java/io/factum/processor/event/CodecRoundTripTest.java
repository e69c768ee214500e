package io.factum.processor.event;

import static io.factum.processor.event.CodecFixtures.call;
import static io.factum.processor.event.CodecFixtures.codec;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.codec.Json;
import io.factum.event.EventCodec;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every supported type, through the generated codec and back; and the same JSON as Jackson databind writes. */
class CodecRoundTripTest {

    @Test
    void everySupportedTypeRoundTrips() {
        roundTrip("test.EverythingCodec", call("test.Everything", "sample"));
    }

    @Test
    void emptyAndZeroValuesRoundTrip() {
        roundTrip("test.EverythingCodec", call("test.Everything", "empty"));
    }

    @Test
    void representativeEventRoundTrips() {
        roundTrip("test.OrderCreatedCodec", call("test.OrderCreated", "sample"));
    }

    @Test
    void representativeEventIsWrittenExactlyAsJacksonDatabindWritesIt() {
        Object event = call("test.OrderCreated", "sample");
        String ours = new String(Json.encode(codec("test.OrderCreatedCodec"), event), StandardCharsets.UTF_8);
        String jackson = JsonMapper.builder().build().writeValueAsString(event);

        assertThat(ours).isEqualTo(jackson);
        assertThat(ours).isEqualTo("{\"orderId\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"customerId\":\"customer-17\","
                + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":19.99},{\"sku\":\"SKU-2\",\"quantity\":1,"
                + "\"price\":5.00},{\"sku\":\"SKU-3\",\"quantity\":10,\"price\":0.10}],\"total\":45.98,"
                + "\"createdAt\":\"2024-05-01T10:15:30.123456Z\",\"status\":\"PENDING\"}");
    }

    @Test
    void jacksonDatabindReadsWhatTheCodecWrites() {
        Object event = call("test.OrderCreated", "sample");
        byte[] ours = Json.encode(codec("test.OrderCreatedCodec"), event);

        assertThat(JsonMapper.builder().build().readValue(ours, event.getClass())).isEqualTo(event);
    }

    @Test
    void codecReadsWhatJacksonDatabindWrites() {
        Object event = call("test.Everything", "sample");
        byte[] jackson = JsonMapper.builder().build().writeValueAsBytes(event);

        assertDeepEquals(Json.decode(codec("test.EverythingCodec"), jackson, "everything.happened"), event);
    }

    @Test
    void valuesAreWrittenInTheirDocumentedJsonForm() {
        String json = new String(Json.encode(codec("test.EverythingCodec"), call("test.Everything", "sample")),
                StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"letter\":\"x\"")
                .contains("\"amount\":123456789012345678901234567890.123456789012345678900")
                .contains("\"huge\":-123456789012345678901234567890123456789")
                .contains("\"at\":\"2024-02-29T23:59:59.999999999Z\"")
                .contains("\"day\":\"1999-12-31\"")
                .contains("\"local\":\"2024-01-02T03:04:00\"")
                .contains("\"offset\":\"2024-01-02T03:04:00-05:00\"")
                .contains("\"duration\":\"PT26H0.005S\"")
                .contains("\"status\":\"SHIPPED\"")
                .contains("\"line\":{\"sku\":\"SKU-9\",\"quantity\":3,\"price\":1E+3}")
                .contains("\"tags\":[\"b\",\"a\",\"c\"]")
                .contains("\"absent\":null")
                .contains("\"sparse\":[1,null,3]")
                .contains("\"bytes\":\"AAEC/3+A\"")
                .contains("\"doubles\":[\"NaN\",\"Infinity\",\"-Infinity\",-0.0,1.0E-300]")
                .contains("\"intRows\":[[1],[]]")
                .contains("\"tree\":{\"label\":\"root\",\"children\":[{\"label\":\"left\",\"children\":[]}");
    }

    private static void roundTrip(String codecClass, Object value) {
        EventCodec<Object> codec = codec(codecClass);
        byte[] json = Json.encode(codec, value);
        Object decoded = Json.decode(codec, json, "test");

        assertDeepEquals(decoded, value);
        assertThat(Json.encode(codec, decoded)).as("re-encoding gives the same bytes").isEqualTo(json);
    }

    /** Component by component, arrays by content (records compare arrays by identity). */
    static void assertDeepEquals(Object actual, Object expected) {
        assertThat(actual).isInstanceOf(expected.getClass());
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object a = read(component, actual);
            Object e = read(component, expected);
            assertThat(Objects.deepEquals(a, e) || deepEqualsNested(a, e))
                    .as("component %s: %s vs %s", component.getName(), a, e)
                    .isTrue();
        }
    }

    /** {@code List<int[]>}: lists of arrays compare element by element. */
    private static boolean deepEqualsNested(Object a, Object e) {
        if (a instanceof java.util.List<?> left && e instanceof java.util.List<?> right && left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                if (!Objects.deepEquals(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
