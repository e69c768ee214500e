package io.factum.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Reads JSON straight from a payload's bytes, for the shapes generated codecs know. Strict: it takes only
 * input Jackson reads to the same value (standard whitespace, names matched byte for byte, no leading zeros,
 * well-formed UTF-8) and throws {@link FastPathMiss} on anything else, from a corrupt payload to a name
 * written with escapes, so that the Jackson path decides and names the error. One per payload.
 *
 * <p>Public for generated code and {@code EventJson}; not meant to be called by applications.
 */
public final class JsonBytesReader extends JsonBytesInput {

    /** The value of each byte as a hex digit of either case, or -1. */
    private static final int[] HEX_VALUES = new int[256];

    static {
        Arrays.fill(HEX_VALUES, -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUES['0' + i] = i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUES['a' + i] = 10 + i;
            HEX_VALUES['A' + i] = 10 + i;
        }
    }

    public JsonBytesReader(byte[] json) {
        super(json);
    }

    /** The UTF-8 bytes of each property name, for the name methods: generated codecs keep one such table. */
    public static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    public boolean readBoolean() {
        byte b = peek();
        if (b == 't') {
            literal("true");
            return true;
        }
        if (b != 'f') {
            throw FastPathMiss.INSTANCE;
        }
        literal("false");
        return false;
    }

    /** The constant whose JSON string comes next, compared byte for byte; any other string misses. */
    public <E extends Enum<E>> E readConstant(EnumConstant<E>[] constants) {
        if (peek() != '"') {
            throw FastPathMiss.INSTANCE;
        }
        int start = at;
        for (EnumConstant<E> constant : constants) {
            byte[] text = constant.json();
            if (start + text.length <= end && Arrays.equals(json, start, start + text.length, text, 0, text.length)) {
                at = start + text.length;
                return constant.value();
            }
        }
        throw FastPathMiss.INSTANCE;
    }

    public char readChar() {
        String text = readString();
        if (text.length() != 1) {
            throw FastPathMiss.INSTANCE;
        }
        return text.charAt(0);
    }

    public int readInt() {
        long value = readLong();
        if (value != (int) value) {
            throw FastPathMiss.INSTANCE;
        }
        return (int) value;
    }

    public short readShort() {
        int value = readInt();
        if (value != (short) value) {
            throw FastPathMiss.INSTANCE;
        }
        return (short) value;
    }

    public byte readByte() {
        int value = readInt();
        if (value != (byte) value) {
            throw FastPathMiss.INSTANCE;
        }
        return (byte) value;
    }

    /** An integer of at most 18 digits (longer ones miss: Jackson checks the range). */
    public long readLong() {
        peek();
        int i = at;
        boolean negative = json[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < end && json[i] >= '0' && json[i] <= '9') {
            value = value * 10 + (json[i] - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || (digits > 1 && json[start] == '0')
                || (i < end && (json[i] == '.' || json[i] == 'e' || json[i] == 'E'))) {
            throw FastPathMiss.INSTANCE;
        }
        at = i;
        return negative ? -value : value;
    }

    /** A plain decimal (no exponent) of at most 18 digits, exactly as {@code new BigDecimal(text)}. */
    public BigDecimal readBigDecimal() {
        peek();
        int i = at;
        boolean negative = json[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long unscaled = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            byte b = json[i];
            if (b >= '0' && b <= '9') {
                unscaled = unscaled * 10 + (b - '0');
                if (point) {
                    scale++;
                }
            } else if (b == '.' && !point && i > start && i + 1 < end && json[i + 1] >= '0' && json[i + 1] <= '9') {
                point = true;
            } else {
                break;
            }
        }
        int length = i - start;
        int integerDigits = point ? length - scale - 1 : length;
        if (integerDigits == 0 || length - (point ? 1 : 0) > 18 || (integerDigits > 1 && json[start] == '0')
                || (i < end && (json[i] == 'e' || json[i] == 'E' || json[i] == '.'))) {
            throw FastPathMiss.INSTANCE;
        }
        at = i;
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    public BigInteger readBigInteger() {
        return new BigInteger(number(false));
    }

    /** As Jackson reads a double: {@code Double.parseDouble} of the number's text. */
    public double readDouble() {
        String text = number(true);
        return text.equals("-0") ? 0.0 : Double.parseDouble(text);  // Jackson reads the integer -0 as 0
    }

    /** As Jackson reads a float: {@code Float.parseFloat} of the number's text (rounded once, not via a double). */
    public float readFloat() {
        String text = number(true);
        return text.equals("-0") ? 0.0f : Float.parseFloat(text);
    }

    /** A UUID in its canonical form (36 characters, hex digits of either case). */
    public UUID readUuid() {
        expect('"');
        int s = at;
        if (s + 37 > end || json[s + 36] != '"' || json[s + 8] != '-' || json[s + 13] != '-'
                || json[s + 18] != '-' || json[s + 23] != '-') {
            throw FastPathMiss.INSTANCE;
        }
        long high = hex(s, 8) << 32 | hex(s + 9, 4) << 16 | hex(s + 14, 4);
        long low = hex(s + 19, 4) << 48 | hex(s + 24, 12);
        at = s + 37;
        return new UUID(high, low);
    }

    private long hex(int from, int count) {
        long value = 0;
        int invalid = 0;
        for (int i = from; i < from + count; i++) {
            int digit = HEX_VALUES[json[i] & 0xFF];
            invalid |= digit;
            value = value << 4 | digit;
        }
        if (invalid < 0) {
            throw FastPathMiss.INSTANCE;
        }
        return value;
    }

    /** An instant in the form {@code Instant.toString()} writes; other forms are left to Jackson. */
    public Instant readInstant() {
        expect('"');
        int s = at;
        int close = s;
        while (close < end && close - s <= InstantBytes.MAX_LENGTH && json[close] != '"') {
            close++;
        }
        Instant value = close < end && json[close] == '"' ? InstantBytes.parse(json, s, close - s) : null;
        if (value == null) {
            throw FastPathMiss.INSTANCE;
        }
        at = close + 1;
        return value;
    }

    public LocalDate readLocalDate() {
        return LocalDate.parse(readString());
    }

    public LocalDateTime readLocalDateTime() {
        return LocalDateTime.parse(readString());
    }

    public OffsetDateTime readOffsetDateTime() {
        return OffsetDateTime.parse(readString());
    }

    public Duration readDuration() {
        return Duration.parse(readString());
    }

    /** Base64 with padding, in the canonical form Jackson writes (anything else is left to Jackson). */
    public byte[] readBinary() {
        String text = readString();
        if (text.length() % 4 != 0) {
            throw FastPathMiss.INSTANCE;
        }
        byte[] value = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(value).equals(text)) {
            throw FastPathMiss.INSTANCE;
        }
        return value;
    }
}
