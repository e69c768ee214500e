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

    @Test
    void fastInstantParsingAgreesWithInstantParse() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(
                    random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000));
            if (instant.getEpochSecond() < -62_167_219_200L) {
                continue;  // before year 0: Instant.toString() writes a sign
            }
            long truncation = new long[] {1, 1_000, 1_000_000, 1_000_000_000}[random.nextInt(4)];
            instant = instant.minusNanos(instant.getNano() % truncation);
            String text = instant.toString();
            assertThat(InstantText.parse(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
    }

    @Test
    void unusualInstantsAreLeftToInstantParse() {
        for (String text : java.util.List.of("2024-05-01T10:15:30+02:00", "2024-05-01t10:15:30z", "2024-05-01T10:15:30.1Z",
                "0000-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "2024-12-31T23:59:60Z", "+12024-01-01T00:00:00Z", "2024-05-01T24:00:00Z",
                "2024-05-01T10:15:30.Z")) {
            assertThat(InstantText.parse(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
        for (String text : java.util.List.of("2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-05-01T10:15:30.1234567890Z", "2024-05-0aT10:15:30Z", "2024-05-01 10:15:30Z")) {
            assertThatThrownBy(() -> InstantText.parse(text)).as(text)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }

    @Test
    void fastInstantWritingAgreesWithInstantToString() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<java.time.Instant> instants = new java.util.ArrayList<>(java.util.List.of(
                java.time.Instant.EPOCH, java.time.Instant.MIN, java.time.Instant.MAX,
                java.time.Instant.parse("0000-01-01T00:00:00Z"), java.time.Instant.parse("9999-12-31T23:59:59.999999999Z"),
                java.time.Instant.parse("1969-12-31T23:59:59.5Z"), java.time.Instant.parse("2024-02-29T12:00:00.000001Z")));
        for (int i = 0; i < 20_000; i++) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L,
                    random.nextInt(1_000_000_000));
            long truncation = new long[] {1, 1_000, 1_000_000, 1_000_000_000}[random.nextInt(4)];
            instants.add(instant.minusNanos(instant.getNano() % truncation));
        }
        for (java.time.Instant instant : instants) {
            try (ByteArrayBuilder out = new ByteArrayBuilder()) {
                try (JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
                    CodecSupport.writeInstant(generator, instant);
                }
                assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo('"' + instant.toString() + '"');
            }
        }
    }

    /** Payload text in a decoding error is escaped as ids are (issue #11): no control character or lone surrogate. */
    @Test
    void payloadTextInDecodingErrorsIsEscaped() {
        assertThatThrownBy(() -> CodecSupport.readChar(parserAt("{\"c\":\"a\\u0007\"}", "a\u0007"), "E"))
                .hasMessage("Cannot decode event E, property 'c': expected a single character, found \"a\\u0007\"");
        assertThatThrownBy(() -> CodecSupport.readBigDecimal(parserAt("{\"n\":\"x\\ud800\"}", "x\ud800"), "E"))
                .hasMessage("Cannot decode event E, property 'n': expected a number, found the string \"x\\uD800\"");
        assertThat(CodecSupport.unknownConstant(parserAt("{\"s\":\"L\\nOST\\\"\"}", "L\nOST\""), "E", "L\nOST\"",
                        new Thread.State[] {Thread.State.NEW}).getMessage())
                .isEqualTo("Cannot decode event E, property 's': unknown constant \"L\\u000AOST\\\"\"; expected one of [NEW]");
        // Java counts U+0001 as part of an identifier, so it must not pass as a plain property name
        assertThat(CodecSupport.path(parserAt("{\"a\\u0001b\":\"x\"}", "x"))).isEqualTo("[\"a\\u0001b\"]");
        assertThat(CodecSupport.path(parserAt("{\"m\":{\"a\\\\\\\"\":\"x\"}}", "x"))).isEqualTo("m[\"a\\\\\\\"\"]");
    }
}
