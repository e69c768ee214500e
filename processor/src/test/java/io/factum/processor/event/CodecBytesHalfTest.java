package io.factum.processor.event;

import static io.factum.processor.event.CodecFixtures.call;
import static io.factum.processor.event.CodecFixtures.codec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.codec.Json;
import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.json.FastPathMiss;
import io.factum.json.JsonBytesCodec;
import io.factum.json.JsonBytesReader;
import io.factum.json.JsonBytesWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * The byte-level half of every generated codec shape against its Jackson half: the same bytes written, the
 * documents Factum writes read without falling back, and whatever the byte half accepts of mutated or random
 * input, the Jackson half reads to the same value (the byte half may fall back, never differ).
 */
class CodecBytesHalfTest {

    /** The same codec seen only as an {@code EventCodec}: {@code Json} then runs its Jackson half alone. */
    private static EventCodec<Object> jacksonHalf(EventCodec<Object> codec) {
        return new EventCodec<>() {
            @Override
            public void write(JsonGenerator generator, Object value) {
                codec.write(generator, value);
            }

            @Override
            public Object read(JsonParser parser) {
                return codec.read(parser);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static JsonBytesCodec<Object> bytesHalf(EventCodec<Object> codec) {
        return (JsonBytesCodec<Object>) codec;
    }

    /** The byte half's payload, or null if it falls back. */
    private static byte[] writeBytes(EventCodec<Object> codec, Object value) {
        JsonBytesWriter out = JsonBytesWriter.acquire();
        try {
            bytesHalf(codec).write(out, value);
            return out.toByteArray();
        } catch (FastPathMiss e) {
            return null;
        } finally {
            out.release();
        }
    }

    /** The byte half's value, or null if it falls back (on a miss or on whatever else it throws). */
    private static Object readBytes(EventCodec<Object> codec, byte[] json) {
        try {
            JsonBytesReader in = new JsonBytesReader(json);
            Object value = bytesHalf(codec).read(in);
            in.finish();
            return value;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Test
    void bothHalvesWriteTheSameBytes() {
        List<Object[]> values = List.of(
                new Object[] {"test.OrderCreatedCodec", call("test.OrderCreated", "sample"), true},
                new Object[] {"test.EverythingCodec", call("test.Everything", "empty"), true},
                // an emoji (a surrogate pair) and NaN: the byte half leaves this one to Jackson
                new Object[] {"test.EverythingCodec", call("test.Everything", "sample"), false});
        for (Object[] row : values) {
            EventCodec<Object> codec = codec((String) row[0]);
            byte[] jackson = Json.encode(jacksonHalf(codec), row[1]);
            byte[] bytes = writeBytes(codec, row[1]);
            if ((Boolean) row[2]) {
                assertThat(bytes).as(row[0] + " on the byte path").isNotNull();
            }
            if (bytes != null) {
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(new String(jackson, StandardCharsets.UTF_8));
            }
            assertThat(Json.encode(codec, row[1])).isEqualTo(jackson);
        }
    }

    @Test
    void theDocumentsFactumWritesAreReadByTheByteHalfToTheJacksonValue() {
        for (CodecFuzzTest.Shape shape : CodecFuzzTest.shapes()) {
            EventCodec<Object> codec = codec(shape.codecClass());
            for (String document : shape.validDocuments()) {
                byte[] json = document.getBytes(StandardCharsets.UTF_8);
                Object value = readBytes(codec, json);
                if (!document.contains("NaN")) {  // "NaN" (a quoted double) is left to Jackson
                    assertThat(value).as(document).isNotNull();
                }
                if (value != null) {
                    assertSameValue(codec, shape.type(), json, value);
                }
            }
        }
    }

    @Test
    void whateverTheByteHalfAcceptsTheJacksonHalfReadsToTheSameValue() {
        long seed = 18_2026L;
        int accepted = 0;
        for (CodecFuzzTest.Shape shape : CodecFuzzTest.shapes()) {
            EventCodec<Object> codec = codec(shape.codecClass());
            for (String document : shape.validDocuments()) {
                Random random = new Random(seed++);
                for (int i = 0; i < 1_500; i++) {
                    byte[] json = CodecFuzzTest.mutate(document, random).getBytes(StandardCharsets.UTF_8);
                    Object value = readBytes(codec, json);
                    if (value != null) {
                        accepted++;
                        assertSameValue(codec, shape.type(), json, value);
                    }
                }
            }
        }
        assertThat(accepted).as("mutations the byte half read").isGreaterThan(100);
    }

    @Test
    void deeplyNestedRecordsLeaveTheByteHalfBeforeTheStackEnds() {
        EventCodec<Object> tree = codec("test.Everything_TreeCodec");
        for (int levels : new int[] {100, 200, 5_000}) {
            String json = "{\"label\":\"x\",\"children\":[".repeat(levels) + "]}" + "]}".repeat(levels - 1);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            // an object and an array per level; the byte half goes 250 deep, Jackson 500
            assertThat(readBytes(tree, bytes) != null).as("%d levels on the byte path", levels).isEqualTo(levels <= 125);
            if (levels <= 250) {
                assertSameValue(tree, "Tree", bytes, Json.decode(tree, bytes, "Tree"));
            } else {
                assertThatThrownBy(() -> Json.decode(tree, bytes, "Tree")).isInstanceOf(EventDecodingException.class);
            }
        }
    }

    /** The Jackson half reads {@code json} too, to a value that writes the same bytes as {@code value}. */
    private static void assertSameValue(EventCodec<Object> codec, String type, byte[] json, Object value) {
        EventCodec<Object> jackson = jacksonHalf(codec);
        Object expected = Json.decode(jackson, json, type);
        assertThat(new String(Json.encode(jackson, value), StandardCharsets.UTF_8))
                .as(new String(json, StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.encode(jackson, expected), StandardCharsets.UTF_8));
    }
}
