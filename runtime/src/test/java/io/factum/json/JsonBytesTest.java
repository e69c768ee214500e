package io.factum.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventJson;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/**
 * The byte-level writer and reader against Jackson itself, value by value: the writer produces exactly the bytes
 * Factum's Jackson generator produces, and whatever the reader accepts Jackson reads to the same value (the reader
 * may miss, never differ).
 */
class JsonBytesTest {

    private static String jackson(Consumer<JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = EventJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write.accept(generator);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String bytes(Consumer<JsonBytesWriter> write) {
        JsonBytesWriter writer = JsonBytesWriter.acquire();
        try {
            write.accept(writer);
            return new String(writer.toByteArray(), StandardCharsets.UTF_8);
        } finally {
            writer.release();
        }
    }

    /** Jackson's value of the single JSON value {@code json}, or null if Jackson rejects it. */
    private static <T> T jacksonRead(String json, Function<JsonParser, T> read) {
        try (JsonParser parser = EventJson.FACTORY.createParser(ObjectReadContext.empty(), json.getBytes(StandardCharsets.UTF_8))) {
            parser.nextToken();
            T value = read.apply(parser);
            return parser.nextToken() == null ? value : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The reader's value, or null on a miss. */
    private static <T> T bytesRead(String json, Function<JsonBytesReader, T> read) {
        JsonBytesReader reader = new JsonBytesReader(json.getBytes(StandardCharsets.UTF_8));
        try {
            T value = read.apply(reader);
            reader.finish();
            return value;
        } catch (FastPathMiss e) {
            return null;
        }
    }

    @Test
    void everyCharacterOfTheBasicPlaneIsWrittenAndReadAsByJackson() {
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String text = "a" + (char) c + "b";
            String expected = jackson(g -> g.writeString(text));
            assertThat(bytes(w -> w.writeString(text))).as("U+%04X", c).isEqualTo(expected);
            assertThat(bytesRead(expected, JsonBytesReader::readString)).as("U+%04X", c).isEqualTo(text);
            String escaped = String.format("\"a\\u%04x\\u%04Xb\"", c, c);
            assertThat(bytesRead(escaped, JsonBytesReader::readString)).as(escaped)
                    .isEqualTo(jacksonRead(escaped, JsonParser::getString));
        }
    }

    @Test
    void surrogatesMissOnWriteAndAreReadAsByJackson() {
        String emoji = "smile \ud83d\ude00";
        assertThatThrownBy(() -> bytes(w -> w.writeString(emoji))).isSameAs(FastPathMiss.INSTANCE);
        String json = jackson(g -> g.writeString(emoji));
        assertThat(bytesRead(json, JsonBytesReader::readString)).isEqualTo(emoji);
        for (String escaped : List.of("\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"")) {
            assertThat(bytesRead(escaped, JsonBytesReader::readString)).isEqualTo(jacksonRead(escaped, JsonParser::getString));
        }
    }

    @Test
    void malformedStringsMiss() {
        List<byte[]> malformed = List.of(
                new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'},              // overlong NUL
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // an encoded surrogate
                new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'},              // truncated
                new byte[] {'"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
                new byte[] {'"', 'a', 0x01, '"'},                              // an unescaped control
                new byte[] {'"', '\\', 'x', '"'},
                new byte[] {'"', '\\', 'u', '1', '2', '"'},
                new byte[] {'"', 'a'});
        for (byte[] json : malformed) {
            JsonBytesReader reader = new JsonBytesReader(json);
            assertThatThrownBy(reader::readString).isSameAs(FastPathMiss.INSTANCE);
        }
    }

    @Test
    void numbersAreWrittenAsByJackson() {
        Random random = new Random(18);
        List<Long> longs = new ArrayList<>(List.of(0L, -1L, 9L, 10L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MIN_VALUE));
        for (int i = 0; i < 2_000; i++) {
            longs.add(random.nextLong() >> random.nextInt(64));
        }
        for (long value : longs) {
            assertThat(bytes(w -> w.writeLong(value))).isEqualTo(jackson(g -> g.writeNumber(value)));
            double d = Double.longBitsToDouble(value);
            if (Double.isFinite(d)) {
                assertThat(bytes(w -> w.writeDouble(d))).isEqualTo(jackson(g -> g.writeNumber(d)));
            }
            float f = Float.intBitsToFloat((int) value);
            if (Float.isFinite(f)) {
                assertThat(bytes(w -> w.writeFloat(f))).isEqualTo(jackson(g -> g.writeNumber(f)));
            }
            BigDecimal decimal = BigDecimal.valueOf(value, random.nextInt(40) - 20);
            assertThat(bytes(w -> w.writeBigDecimal(decimal))).isEqualTo(jackson(g -> g.writeNumber(decimal)));
        }
        assertThatThrownBy(() -> bytes(w -> w.writeDouble(Double.NaN))).isSameAs(FastPathMiss.INSTANCE);
    }

    @Test
    void whateverNumberTheReaderAcceptsJacksonReadsToTheSameValue() {
        Random random = new Random(2026);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "01", "-", "1.", ".5", "1.5", "-0.00", "1e5", "1E+5",
                "12.50", "123456789012345678", "1234567890123456789", "9223372036854775807", "-9223372036854775808",
                "2147483648", "-2147483649", "1e309", "4.9e-325", "0.1", "3.4028235E38", "3.4028236E38", "1.0000001",
                "16777217", "1.00000017881393432617187499", " 7 ", "7 8", "+1", "0x10", "1.5e", "00.5", "NaN"));
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int digits = 1 + random.nextInt(22);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.insert(text.length() - random.nextInt(digits), '.');
            }
            if (random.nextInt(4) == 0) {
                text.append('e').append(random.nextInt(80) - 40);
            }
            texts.add(text.toString());
            texts.add(Float.toString(Float.intBitsToFloat(random.nextInt())));
        }
        for (String text : texts) {
            check(text, JsonBytesReader::readLong, p -> p.isExpectedNumberIntToken() ? p.getLongValue() : null);
            check(text, JsonBytesReader::readInt, p -> p.isExpectedNumberIntToken() ? p.getIntValue() : null);
            check(text, JsonBytesReader::readBigDecimal, JsonParser::getDecimalValue);
            check(text, JsonBytesReader::readBigInteger, p -> p.isExpectedNumberIntToken() ? p.getBigIntegerValue() : null);
            check(text, JsonBytesReader::readDouble, JsonParser::getDoubleValue);
            check(text, JsonBytesReader::readFloat, JsonParser::getFloatValue);
        }
    }

    private static <T> void check(String text, Function<JsonBytesReader, T> fast, Function<JsonParser, T> jackson) {
        T value = bytesRead(text, fast);
        if (value != null) {
            assertThat(value).as(text).isEqualTo(jacksonRead(text, jackson));
            if (value instanceof BigDecimal decimal) {
                assertThat(decimal.scale()).as(text).isEqualTo(((BigDecimal) jacksonRead(text, jackson)).scale());
            }
        }
    }

    @Test
    void uuidsAreWrittenAsToStringAndReadInEitherCase() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String json = '"' + id.toString() + '"';
            assertThat(bytes(w -> w.writeUuid(id))).isEqualTo(json);
            assertThat(bytesRead(json, JsonBytesReader::readUuid)).isEqualTo(id);
            assertThat(bytesRead(json.toUpperCase(java.util.Locale.ROOT), JsonBytesReader::readUuid)).isEqualTo(id);
        }
        for (String odd : List.of("\"1-1-1-1-1\"", "\"00000000-0000-0000-0000-00000000000g\"", "\"00000000+0000-0000-0000-000000000000\"")) {
            assertThat(bytesRead(odd, JsonBytesReader::readUuid)).as(odd).isNull();
        }
    }

    @Test
    void instantsAreWrittenAndReadAsInstantToStringAndParse() {
        Random random = new Random(11);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("1900-03-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MAX, Instant.MIN));
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            String json = '"' + instant.toString() + '"';
            assertThat(bytes(w -> w.writeInstant(instant))).isEqualTo(json);
            Instant read = bytesRead(json, JsonBytesReader::readInstant);
            assertThat(read == null || read.equals(instant)).as(json).isTrue();
        }
        assertThat(bytesRead("\"2024-05-01T10:15:30.12Z\"", JsonBytesReader::readInstant))
                .isEqualTo(Instant.parse("2024-05-01T10:15:30.12Z"));
        for (String invalid : List.of("2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01T00:00:60Z", "2024-01-01t00:00:00Z", "2024-01-01T00:00:00+01:00", "2024-01-01T00:00:00.Z")) {
            assertThat(bytesRead('"' + invalid + '"', JsonBytesReader::readInstant)).as(invalid).isNull();
        }
    }

    @Test
    void structureIsStrict() {
        byte[][] names = JsonBytesReader.names("a", "b");
        Object read = bytesRead(" {\"b\" : 1 ,\n\"a\":2}\t", r -> {
            r.beginObject();
            int first = r.firstName(names);
            long one = r.readLong();
            int second = r.nextName(names, first + 1);
            long two = r.readLong();
            return List.of(first, one, second, two, r.nextName(names, second + 1));
        });
        assertThat(read).isEqualTo(List.of(1, 1L, 0, 2L, JsonBytesReader.END));
        for (String bad : List.of("{\"a\":1,}", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{\"\\u0061\":1}", "{\"a\":1}}",
                "{\"a\":1} x", "{\"a\":1", "\u00a0{\"a\":1}")) {
            Object skipped = bytesRead(bad, r -> {
                r.beginObject();
                for (int i = r.firstName(names); i != JsonBytesReader.END; i = r.nextName(names, i + 1)) {
                    r.skipValue();
                }
                return "read";
            });
            assertThat(skipped).as(bad).isNull();
        }
    }
}
