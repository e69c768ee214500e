package io.factum.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Writes JSON into a growing byte buffer, byte for byte as Factum's Jackson generator writes the same values
 * (Jackson's escapes, {@code toString()} numbers, {@code Instant.toString()} instants). Each thread reuses one
 * writer ({@link #acquire()}/{@link #release()}), so an event costs one copy: the returned payload.
 *
 * <p>Public for generated code and {@code EventJson}; not meant to be called by applications.
 */
public final class JsonBytesWriter {

    /** A buffer that grew beyond this is not kept for the thread's next event. */
    private static final int KEPT_CAPACITY = 64 * 1024;
    private static final ThreadLocal<JsonBytesWriter> CACHED = ThreadLocal.withInitial(JsonBytesWriter::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** For each ASCII character: 0 written as is, 'u' as a six-character {@code u00XX} escape, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] buffer = new byte[512];
    private int size;
    private boolean busy;

    /** This thread's writer, emptied; a new one if this thread's is in use (an encode inside an encode). */
    public static JsonBytesWriter acquire() {
        JsonBytesWriter writer = CACHED.get();
        if (writer.busy) {
            return new JsonBytesWriter();
        }
        writer.busy = true;
        writer.size = 0;
        return writer;
    }

    /** Gives the writer back to its thread; a very large buffer is dropped. */
    public void release() {
        busy = false;
        if (buffer.length > KEPT_CAPACITY) {
            buffer = new byte[512];
        }
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /**
     * The bytes of a property name as written before its value: {@code "name":}, after a comma unless it is
     * the object's first property. Generated codecs keep one per property.
     */
    public static byte[] name(String name, boolean first) {
        JsonBytesWriter writer = new JsonBytesWriter();
        if (!first) {
            writer.writeByte(',');
        }
        writer.writeString(name);
        writer.writeByte(':');
        return writer.toByteArray();
    }

    /** Each constant of an enum (in ordinal order) with its JSON string: generated codecs keep one table per enum. */
    @SuppressWarnings("unchecked")  // an array of a generic record cannot be created otherwise
    public static <E extends Enum<E>> EnumConstant<E>[] constants(E[] values) {
        EnumConstant<E>[] constants = (EnumConstant<E>[]) new EnumConstant<?>[values.length];
        for (E value : values) {
            JsonBytesWriter writer = new JsonBytesWriter();
            writer.writeString(value.name());
            constants[value.ordinal()] = new EnumConstant<>(writer.toByteArray(), value);
        }
        return constants;
    }

    /** Returns {@code value}, or misses if it is null: the Jackson path names the null property. */
    public static <T> T required(T value) {
        if (value == null) {
            throw FastPathMiss.INSTANCE;
        }
        return value;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    /** One structural byte: {@code '{'}, {@code '}'}, {@code '['}, {@code ']'}, {@code ','} or {@code ':'}. */
    public void writeByte(char c) {
        ensure(1);
        buffer[size++] = (byte) c;
    }

    /** Bytes written as they are, e.g. a name from {@link #name}. */
    public void writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    public void writeNull() {
        writeRaw(NULL);
    }

    public void writeBoolean(boolean value) {
        writeRaw(value ? TRUE : FALSE);
    }

    public void writeInt(int value) {
        writeLong(value);
    }

    public void writeLong(long value) {
        if (value == Long.MIN_VALUE) {
            writeAscii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        if (value <= Integer.MAX_VALUE) {
            int small = (int) value;
            int digits = 1;
            for (int bound = 10; digits < 10 && small >= bound; bound *= 10) {
                digits++;
            }
            InstantBytes.put(buffer, size, small, digits);
            size += digits;
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
    }

    /** As Jackson writes a finite double ({@code Double.toString}); NaN and infinities miss (Jackson quotes them). */
    public void writeDouble(double value) {
        if (!Double.isFinite(value)) {
            throw FastPathMiss.INSTANCE;
        }
        writeAscii(Double.toString(value));
    }

    public void writeFloat(float value) {
        if (!Float.isFinite(value)) {
            throw FastPathMiss.INSTANCE;
        }
        writeAscii(Float.toString(value));
    }

    public void writeBigDecimal(BigDecimal value) {
        writeAscii(value.toString());
    }

    public void writeBigInteger(BigInteger value) {
        writeAscii(value.toString());
    }

    /**
     * A number's text, known to be ASCII, so that the deprecated {@code String.getBytes(int, int, byte[], int)}
     * (which keeps the low byte of each char) copies it exactly, in one go.
     */
    @SuppressWarnings("deprecation")
    private void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        text.getBytes(0, length, buffer, size);
        size += length;
    }

    /** A quoted string with Jackson's escapes; characters outside the BMP (surrogates) miss. */
    public void writeString(String value) {
        int length = value.length();
        ensure(length + 2);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        int i = 0;
        for (; i < length; i++) {  // the common case: ASCII without escapes, one bounds check
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {  // DEL and beyond, escapes: writeRest
                break;
            }
            out[at++] = (byte) c;
        }
        size = at;
        if (i < length) {
            writeRest(value, i);
        }
        ensure(1);
        buffer[size++] = '"';
    }

    private void writeRest(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            ensure(6);
            byte[] out = buffer;
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[size++] = (byte) c;
                } else if (escape == 'u') {
                    out[size++] = '\\';
                    out[size++] = 'u';
                    out[size++] = '0';
                    out[size++] = '0';
                    out[size++] = UPPER_HEX[c >> 4];
                    out[size++] = UPPER_HEX[c & 0xF];
                } else {
                    out[size++] = '\\';
                    out[size++] = escape;
                }
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw FastPathMiss.INSTANCE;
            } else {
                out[size++] = (byte) (0xE0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** A {@code char} is a string of one character, as Jackson writes it. */
    public void writeChar(char value) {
        writeString(String.valueOf(value));
    }

    /** {@code UUID.toString()}, quoted. */
    public void writeUuid(UUID value) {
        ensure(38);
        byte[] out = buffer;
        out[size] = '"';
        long high = value.getMostSignificantBits();
        long low = value.getLeastSignificantBits();
        hex(out, size + 1, high >>> 32, 8);
        out[size + 9] = '-';
        hex(out, size + 10, high >>> 16, 4);
        out[size + 14] = '-';
        hex(out, size + 15, high, 4);
        out[size + 19] = '-';
        hex(out, size + 20, low >>> 48, 4);
        out[size + 24] = '-';
        hex(out, size + 25, low, 12);
        out[size + 37] = '"';
        size += 38;
    }

    /** {@code digits} (even) lowercase hex digits of the low bits of {@code bits}, a byte at a time. */
    private static void hex(byte[] out, int offset, long bits, int digits) {
        for (int i = offset + digits - 2; i >= offset; i -= 2) {
            int b = (int) bits & 0xFF;
            out[i] = HEX[b >> 4];
            out[i + 1] = HEX[b & 0xF];
            bits >>>= 8;
        }
    }

    /** {@code Instant.toString()}, quoted. */
    public void writeInstant(Instant value) {
        ensure(InstantBytes.MAX_LENGTH + 2);
        int end = InstantBytes.write(value, buffer, size + 1);
        if (end < 0) {
            writeString(value.toString());
            return;
        }
        buffer[size] = '"';
        buffer[end] = '"';
        size = end + 1;
    }

    /** Base64 with padding and without line feeds, as Jackson writes {@code byte[]}. */
    public void writeBinary(byte[] value) {
        byte[] encoded = Base64.getEncoder().encode(value);
        ensure(encoded.length + 2);
        buffer[size++] = '"';
        writeRaw(encoded);
        buffer[size++] = '"';
    }
}
