package io.factum.processor.event;

import static io.factum.processor.event.CodecFixtures.call;
import static io.factum.processor.event.CodecFixtures.codec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.factum.codec.Json;
import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.event.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of every generated codec shape (the fixtures cover every supported component
 * type, nesting, recursion, presence rules, non-ASCII names and record invariants): random bytes and
 * mutated valid documents either decode or fail as an {@link EventDecodingException} naming the
 * stored event; no other exception leaves a decode.
 */
class CodecFuzzTest {

    private static final int MUTATIONS_PER_DOCUMENT = 1_500;
    private static final int RANDOM_PAYLOADS = 1_500;

    /** Tokens that are spliced into documents: out-of-range numbers, wrong shapes, broken structure. */
    private static final String[] TOKENS = {
        "1E2147483648", "1e-2147483649", "-7.5E+99999999999", "99999999999999999999999", "-0", "1.5", "NaN",
        "\"NaN\"", "\"Infinity\"", "null", "true", "\"\"", "\"x\"", "\"\\uD800\"", "[]", "{}", "[", "]", "{", "}", ",",
        ":", "\"", "\\", "\"2024-13-45T99:99:99Z\"", "\"P1X\"", "\"not-a-uuid\"", "\"===\"", "0x10", "1e309",
    };

    record Shape(String codecClass, String type, List<String> validDocuments) {}

    private static String encode(String codecClass, Object value) {
        return new String(Json.encode(codec(codecClass), value), StandardCharsets.UTF_8);
    }

    static List<Shape> shapes() {
        return List.of(
                new Shape("test.EverythingCodec", "everything.happened", List.of(
                        encode("test.EverythingCodec", call("test.Everything", "sample")),
                        encode("test.EverythingCodec", call("test.Everything", "empty")))),
                new Shape("test.OrderCreatedCodec", "OrderCreated", List.of(
                        encode("test.OrderCreatedCodec", call("test.OrderCreated", "sample")))),
                new Shape("test.PresenceCodec", "Presence", List.of(
                        "{\"required\":\"r\",\"primitive\":1,\"optional\":\"o\",\"nullable\":null,\"list\":[\"a\"],"
                                + "\"set\":[\"b\"],\"map\":{\"k\":1},\"array\":[1,2],\"bytes\":\"AQI=\",\"nullableList\":[\"c\"]}",
                        "{\"required\":\"r\",\"primitive\":0}")),
                new Shape("test.AddressChangedCodec", "AddressChanged", List.of(
                        "{\"stra\u00dfe\":\"Hauptstra\u00dfe 1\",\"\u6570\u91cf\":3,\"plz\":\"10115\"}")),
                new Shape("test.StockReservedCodec", "StockReserved", List.of(
                        "{\"sku\":\"A-1\",\"reservations\":[{\"warehouse\":\"w1\",\"quantity\":2},"
                                + "{\"warehouse\":\"w2\",\"quantity\":1}]}")));
    }

    @Test
    void theValidDocumentsDecode() {
        for (Shape shape : shapes()) {
            for (String document : shape.validDocuments()) {
                assertThat(Json.decode(codec(shape.codecClass()), document.getBytes(StandardCharsets.UTF_8), shape.type()))
                        .as(document).isNotNull();
            }
        }
    }

    @Test
    void mutatedValidDocumentsFailOnlyAsDecodingErrors() {
        long seed = 20_261_202L;
        for (Shape shape : shapes()) {
            for (String document : shape.validDocuments()) {
                Random random = new Random(seed++);
                for (int i = 0; i < MUTATIONS_PER_DOCUMENT; i++) {
                    String mutated = mutate(document, random);
                    assertOnlyDecodingErrors(shape, mutated.getBytes(StandardCharsets.UTF_8), "seed " + (seed - 1) + " #" + i);
                }
            }
        }
    }

    @Test
    void randomBytesFailOnlyAsDecodingErrors() {
        for (Shape shape : shapes()) {
            Random random = new Random(shape.codecClass().hashCode());
            for (int i = 0; i < RANDOM_PAYLOADS; i++) {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                if (random.nextBoolean() && bytes.length > 0) {
                    bytes[0] = '{'; // get past the first token more often
                }
                assertOnlyDecodingErrors(shape, bytes, "random #" + i);
            }
        }
    }

    private static void assertOnlyDecodingErrors(Shape shape, byte[] payload, String which) {
        EventCodec<Object> codec = codec(shape.codecClass());
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), "Fuzz-1", 7, 4242, shape.type(), 1, Instant.EPOCH,
                Metadata.empty(), payload);
        try {
            Json.decode(codec, stored);
        } catch (EventDecodingException e) {
            assertThat(e.getMessage()).as(which).contains("stream 'Fuzz-1' revision 7 (global position 4242)");
        } catch (Throwable t) {
            fail(shape.codecClass() + " " + which + ": " + t + " escaped decoding "
                    + new String(payload, StandardCharsets.UTF_8) + " (hex " + HexFormat.of().formatHex(payload) + ")", t);
        }
    }

    /** One to three edits: a flipped byte, a deleted or duplicated range, a spliced token, a truncation, deep nesting. */
    static String mutate(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 3 -> text.setLength(at);
                case 4 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(16));
                    text.insert(end, text.substring(at, end));
                }
                case 5 -> replaceANumber(text, random);
                default -> text.insert(at, "[".repeat(1 + random.nextInt(700)));
            }
        }
        return text.toString();
    }

    /** Replaces the digits of a number in the document with an out-of-range one. */
    private static void replaceANumber(StringBuilder text, Random random) {
        List<int[]> numbers = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i)) && (i == 0 || ":,[".indexOf(text.charAt(i - 1)) >= 0)) {
                int end = i;
                while (end < text.length() && "0123456789.eE+-".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                numbers.add(new int[] {i, end});
            }
        }
        if (!numbers.isEmpty()) {
            int[] number = numbers.get(random.nextInt(numbers.size()));
            text.replace(number[0], number[1], TOKENS[random.nextInt(4)]);
        }
    }
}
