package io.factum.processor.event;

import static io.factum.processor.event.CodecFixtures.codec;
import static io.factum.processor.event.CodecFixtures.constant;
import static io.factum.processor.event.CodecFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.codec.Json;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEncodingException;
import io.factum.event.MissingPropertyException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What generated codecs do with unknown, missing, null, malformed and corrupt input, and with null components. */
class CodecDecodingTest {

    private static final String ORDER = "{\"orderId\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"customerId\":\"c\","
            + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"price\":1.50},{\"sku\":\"B\",\"quantity\":2,\"price\":2}],"
            + "\"total\":5.50,\"createdAt\":\"2024-05-01T10:15:30Z\",\"status\":\"CONFIRMED\"}";

    private static Object decodeOrder(String json) {
        return Json.decode(codec("test.OrderCreatedCodec"), json.getBytes(StandardCharsets.UTF_8), "OrderCreated");
    }

    private static Object decodePresence(String json) {
        return Json.decode(codec("test.PresenceCodec"), json.getBytes(StandardCharsets.UTF_8), "Presence");
    }

    private static EventDecodingException orderError(String json) {
        try {
            decodeOrder(json);
        } catch (EventDecodingException e) {
            return e;
        }
        throw new AssertionError("expected a decoding error for " + json);
    }

    @Test
    void readsPropertiesInAnyOrderAndBigDecimalsExactly() {
        Object order = decodeOrder("{\"status\":\"CONFIRMED\",\"createdAt\":\"2024-05-01T10:15:30Z\",\"total\":5.50,"
                + "\"lines\":[],\"customerId\":\"c\",\"orderId\":\"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\"}");

        assertThat(order).isEqualTo(create("test.OrderCreated", UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
                "c", List.of(), new BigDecimal("5.50"), Instant.parse("2024-05-01T10:15:30Z"),
                constant("test.Status", "CONFIRMED")));
    }

    @Test
    void skipsUnknownPropertiesOfEveryShape() {
        String withUnknowns = ORDER.replace("{\"orderId\"", "{\"extra\":{\"a\":[1,{\"b\":null}]},\"more\":[[],{}],"
                        + "\"n\":1.5e10,\"s\":\"x\",\"t\":true,\"z\":null,\"orderId\"")
                .replace("\"sku\":\"A\"", "\"sku\":\"A\",\"color\":{\"r\":[1,2]}");

        assertThat(decodeOrder(withUnknowns)).isEqualTo(decodeOrder(ORDER));
    }

    @Test
    void missingRequiredPropertyIsATypedErrorNamingEventAndProperty() {
        EventDecodingException error = orderError(ORDER.replace("\"customerId\":\"c\",", ""));

        assertThat(error).isInstanceOf(MissingPropertyException.class);
        assertThat(error.eventType()).isEqualTo("OrderCreated");
        assertThat(error.property()).isEqualTo("customerId");
        assertThat(error).hasMessage("Cannot decode event OrderCreated, property 'customerId': required property is missing");
    }

    @Test
    void missingPropertyOfANestedRecordNamesTheEventAndThePathIntoIt() {
        EventDecodingException error = orderError(ORDER.replace("\"sku\":\"B\",\"quantity\":2,", "\"sku\":\"B\","));

        assertThat(error).isInstanceOf(MissingPropertyException.class);
        assertThat(error.eventType()).isEqualTo("OrderCreated");
        assertThat(error.property()).isEqualTo("lines[1].quantity");
    }

    @Test
    void nullForARequiredPropertyIsAnErrorWithItsPath() {
        EventDecodingException top = orderError(ORDER.replace("\"customerId\":\"c\"", "\"customerId\":null"));
        EventDecodingException nested = orderError(ORDER.replace("\"price\":2", "\"price\":null"));
        EventDecodingException element = orderError(ORDER.replace("\"lines\":[", "\"lines\":[null,"));

        assertThat(top.property()).isEqualTo("customerId");
        assertThat(top.problem()).startsWith("null is not allowed here");
        assertThat(nested.property()).isEqualTo("lines[1].price");
        assertThat(element.property()).isEqualTo("lines[0]");
        assertThat(element.problem()).startsWith("null is not allowed here");
    }

    @Test
    void wrongShapeIsAnErrorWithThePathNeverARawJacksonError() {
        assertThat(orderError(ORDER.replace("\"quantity\":2", "\"quantity\":\"2\"")))
                .hasMessage("Cannot decode event OrderCreated, property 'lines[1].quantity': expected an integer,"
                        + " found the string \"2\"");
        assertThat(orderError(ORDER.replace("\"customerId\":\"c\"", "\"customerId\":7")).problem())
                .isEqualTo("expected a string, found the number 7");
        assertThat(orderError(ORDER.replace("\"lines\":[", "\"lines\":{\"x\":[").replace("],\"total\"", "]},\"total\"")))
                .hasMessageContaining("property 'lines': expected an array, found an object");
        assertThat(orderError(ORDER.replace("\"total\":5.50", "\"total\":[5.50]")).property()).isEqualTo("total");
        assertThat(orderError(ORDER.replace("\"quantity\":1,", "\"quantity\":3000000000,")).problem())
                .isEqualTo("3000000000 is out of range for an int");
        assertThat(orderError(ORDER.replace("\"quantity\":1,", "\"quantity\":1.5,")).problem())
                .isEqualTo("expected an integer, found the number 1.5");
    }

    @Test
    void invalidValuesNameTheExpectedForm() {
        assertThat(orderError(ORDER.replace("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "not-a-uuid")))
                .hasMessage("Cannot decode event OrderCreated, property 'orderId': expected a UUID, found \"not-a-uuid\"");
        assertThat(orderError(ORDER.replace("2024-05-01T10:15:30Z", "yesterday")).problem())
                .startsWith("expected an ISO-8601 instant");
    }

    @Test
    void unknownEnumConstantNamesTheAllowedValues() {
        EventDecodingException error = orderError(ORDER.replace("CONFIRMED", "LOST"));

        assertThat(error.property()).isEqualTo("status");
        assertThat(error.problem()).isEqualTo("unknown constant \"LOST\"; expected one of [PENDING, CONFIRMED, SHIPPED]");
    }

    @Test
    void corruptOrTruncatedJsonIsADecodingError() {
        for (String corrupt : List.of(ORDER.substring(0, ORDER.length() / 2), ORDER.substring(0, ORDER.length() - 1),
                "", "[]", "{\"orderId\":", "{\"lines\":[{\"sku\":\"A\"", ORDER + "{}", "{\"orderId\" 1}", "nonsense")) {
            assertThatThrownBy(() -> decodeOrder(corrupt))
                    .as(corrupt)
                    .isInstanceOf(EventDecodingException.class)
                    .satisfies(e -> assertThat(((EventDecodingException) e).eventType()).isEqualTo("OrderCreated"));
        }
        assertThat(orderError("{\"lines\":[{\"sku\":\"A\"").property()).isEqualTo("lines[0].sku");
    }

    @Test
    void absentOrNullOptionalCollectionAndNullableComponentsHaveTheirDocumentedValues() {
        Object missing = decodePresence("{\"required\":\"r\",\"primitive\":1}");
        Object nulls = decodePresence("{\"required\":\"r\",\"primitive\":1,\"optional\":null,\"nullable\":null,"
                + "\"list\":null,\"set\":null,\"map\":null,\"array\":null,\"bytes\":null,\"nullableList\":null}");

        for (Object presence : List.of(missing, nulls)) {
            assertThat(presence.toString())
                    .startsWith("Presence[required=r, primitive=1, optional=Optional.empty, nullable=null, list=[], set=[],"
                            + " map={}, array=[I@")
                    .endsWith(", nullableList=null]");
        }
    }

    @Test
    void missingOrNullPrimitiveIsAnError() {
        assertThatThrownBy(() -> decodePresence("{\"required\":\"r\"}"))
                .isInstanceOf(MissingPropertyException.class)
                .hasMessage("Cannot decode event Presence, property 'primitive': required property is missing");
        assertThatThrownBy(() -> decodePresence("{\"required\":\"r\",\"primitive\":null}"))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("property 'primitive': null is not allowed here");
    }

    @Test
    void emptyOptionalAndNullNullableAreWrittenAsNull() {
        Object presence = create("test.Presence", "r", 1, Optional.empty(), null, List.of("a"), Set.of(), Map.of(),
                new int[] {1}, new byte[] {1}, null);

        assertThat(new String(Json.encode(codec("test.PresenceCodec"), presence), StandardCharsets.UTF_8))
                .isEqualTo("{\"required\":\"r\",\"primitive\":1,\"optional\":null,\"nullable\":null,\"list\":[\"a\"],"
                        + "\"set\":[],\"map\":{},\"array\":[1],\"bytes\":\"AQ==\",\"nullableList\":null}");
    }

    @Test
    void encodingANullRequiredComponentFailsNamingEventAndProperty() {
        Object noCustomer = create("test.OrderCreated", UUID.randomUUID(), null, List.of(), BigDecimal.ONE,
                Instant.EPOCH, constant("test.Status", "PENDING"));

        assertThatThrownBy(() -> Json.encode(codec("test.OrderCreatedCodec"), noCustomer))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageStartingWith("Cannot encode event OrderCreated, property 'customerId': a required value is null")
                .satisfies(e -> assertThat(((EventEncodingException) e).property()).isEqualTo("customerId"));
    }

    @Test
    void encodingNullsInsideNestedRecordsAndCollectionsNamesTheirPath() {
        Object goodLine = create("test.OrderLine", "A", 1, BigDecimal.ONE);
        Object lineWithoutSku = create("test.OrderLine", null, 1, BigDecimal.ONE);
        List<Object> withNullElement = new ArrayList<>();
        withNullElement.add(goodLine);
        withNullElement.add(null);

        assertThatThrownBy(() -> Json.encode(codec("test.OrderCreatedCodec"), order(List.of(goodLine, goodLine, lineWithoutSku))))
                .isInstanceOf(EventEncodingException.class)
                .satisfies(e -> {
                    assertThat(((EventEncodingException) e).eventType()).isEqualTo("OrderCreated");
                    assertThat(((EventEncodingException) e).property()).isEqualTo("lines[2].sku");
                });
        assertThatThrownBy(() -> Json.encode(codec("test.OrderCreatedCodec"), order(withNullElement)))
                .isInstanceOf(EventEncodingException.class)
                .satisfies(e -> assertThat(((EventEncodingException) e).property()).isEqualTo("lines[1]"));
        assertThatThrownBy(() -> Json.encode(codec("test.OrderCreatedCodec"), order(null)))
                .isInstanceOf(EventEncodingException.class)
                .satisfies(e -> assertThat(((EventEncodingException) e).property()).isEqualTo("lines"));
    }

    private static Object order(List<Object> lines) {
        return create("test.OrderCreated", UUID.randomUUID(), "c", lines, BigDecimal.ONE, Instant.EPOCH,
                constant("test.Status", "PENDING"));
    }

    @Test
    void nonAsciiPropertyNamesAreMatchedInAnyOrder() {
        Object decoded = Json.decode(codec("test.AddressChangedCodec"),
                "{\"plz\":\"10115\",\"\u6570\u91cf\":3,\"x\u00df\":1,\"stra\u00dfe\":\"Hauptstra\u00dfe 1\"}"
                        .getBytes(StandardCharsets.UTF_8), "AddressChanged");

        assertThat(decoded).isEqualTo(create("test.AddressChanged", "Hauptstra\u00dfe 1", 3, "10115"));
        assertThat(new String(Json.encode(codec("test.AddressChangedCodec"), decoded), StandardCharsets.UTF_8))
                .isEqualTo("{\"stra\u00dfe\":\"Hauptstra\u00dfe 1\",\"\u6570\u91cf\":3,\"plz\":\"10115\"}");
    }

    @Test
    void aRecordConstructorRejectingTheValuesIsADecodingErrorWithThePath() {
        EventDecodingException error = null;
        try {
            Json.decode(codec("test.StockReservedCodec"), ("{\"sku\":\"A\",\"reservations\":[{\"warehouse\":\"W1\","
                    + "\"quantity\":2},{\"warehouse\":\"W2\",\"quantity\":0}]}").getBytes(StandardCharsets.UTF_8),
                    "StockReserved");
        } catch (EventDecodingException e) {
            error = e;
        }

        assertThat(error).isNotNull();
        assertThat(error.eventType()).isEqualTo("StockReserved");
        assertThat(error.property()).isEqualTo("reservations[1]");
        assertThat(error.problem()).isEqualTo("the record's constructor rejected the values read:"
                + " java.lang.IllegalArgumentException: quantity must be positive, was 0");
        assertThat(error.getCause()).isInstanceOf(IllegalArgumentException.class);
    }
}
