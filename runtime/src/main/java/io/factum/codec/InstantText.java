package io.factum.codec;

import io.factum.json.InstantBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON text of an {@link Instant} on the Jackson path, exactly as {@link Instant#toString()} and
 * {@link Instant#parse} have it, through {@link InstantBytes}' fast forms for years 0000 to 9999.
 */
final class InstantText {

    private InstantText() {}

    /**
     * {@link Instant#parse}, with a fast path for the form {@link Instant#toString()} writes; anything else
     * (offsets, lower case, leap seconds, invalid dates) goes to {@code Instant.parse}, which decides.
     */
    static Instant parse(String text) {
        if (text.length() >= 20 && text.length() <= InstantBytes.MAX_LENGTH) {
            // a character beyond Latin-1 becomes '?', which no fast form has
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            Instant value = InstantBytes.parse(bytes, 0, bytes.length);
            if (value != null) {
                return value;
            }
        }
        return Instant.parse(text);
    }

    /** Exactly {@link Instant#toString()}, without {@code DateTimeFormatter} for years 0000 to 9999. */
    static void write(JsonGenerator generator, Instant value) {
        byte[] text = new byte[InstantBytes.MAX_LENGTH];
        int length = InstantBytes.write(value, text, 0);
        if (length < 0) {
            generator.writeString(value.toString());
        } else {
            generator.writeUTF8String(text, 0, length);
        }
    }
}
