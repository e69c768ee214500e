package io.factum.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The structure half of {@link JsonBytesReader}: whitespace, objects, names, arrays, literals, strings, and
 * skipping values. Strict in the same way: anything it is not sure of is a {@link FastPathMiss}.
 */
public abstract class JsonBytesInput {

    /** Returned by the name methods for a name the codec does not know; its value is then skipped. */
    public static final int UNKNOWN = -2;
    /** Returned by the name methods at the end of the object. */
    public static final int END = -1;
    /** The names of a record without components. */
    public static final byte[][] NO_NAMES = {};
    /** Nesting and length limits well inside Jackson's defaults; beyond them Jackson decides. */
    private static final int MAX_DEPTH = 250;
    private static final int MAX_NUMBER_LENGTH = 500;
    private static final int MAX_STRING_LENGTH = 1_000_000;

    final byte[] json;
    final int end;
    int at;

    JsonBytesInput(byte[] json) {
        this.json = json;
        this.end = json.length;
    }

    /** Throws the miss: generated code uses it for a missing property or a rejected constructor call. */
    public static FastPathMiss miss() {
        return FastPathMiss.INSTANCE;
    }

    /** Checks that only whitespace follows the value read. */
    public void finish() {
        if (skipWhitespace() != end) {
            throw FastPathMiss.INSTANCE;
        }
    }

    /** Skips JSON whitespace and returns the offset of the next byte (which may be the end). */
    final int skipWhitespace() {
        int i = at;
        while (i < end) {
            byte b = json[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            i++;
        }
        at = i;
        return i;
    }

    /** The next byte after whitespace, not consumed; misses at the end. */
    final byte peek() {
        int i = at;
        if (i < end) {
            byte b = json[i];
            if (b > ' ') {
                return b;
            }
        }
        if (skipWhitespace() == end) {
            throw FastPathMiss.INSTANCE;
        }
        return json[at];
    }

    final void expect(char c) {
        if (peek() != c) {
            throw FastPathMiss.INSTANCE;
        }
        at++;
    }

    // ---------------------------------------------------------------- objects and arrays

    /** Nesting depth; beyond {@code MAX_DEPTH} the reader misses (Jackson's own limit is 500). */
    private int depth;

    public void beginObject() {
        expect('{');
        enter();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw FastPathMiss.INSTANCE;
        }
    }

    /**
     * The first name of the object just begun: its index in {@code names} (each {@code "name"} as its UTF-8
     * bytes without quotes), {@link #UNKNOWN}, or {@link #END} for an empty object. Consumes the colon.
     */
    public int firstName(byte[][] names) {
        if (peek() == '}') {
            at++;
            depth--;
            return END;
        }
        return name(names, 0);
    }

    /** After a value: the next name's index (trying {@code expected} first), {@link #UNKNOWN} or {@link #END}. */
    public int nextName(byte[][] names, int expected) {
        byte b = peek();
        if (b == '}') {
            at++;
            depth--;
            return END;
        }
        if (b != ',') {
            throw FastPathMiss.INSTANCE;
        }
        at++;
        return name(names, expected);
    }

    private int name(byte[][] names, int expected) {
        expect('"');
        int start = at;
        if (expected >= 0 && expected < names.length) {  // the common case: the names come in declaration order
            byte[] name = names[expected];
            int close = start + name.length;
            if (close < end && json[close] == '"' && Arrays.equals(json, start, close, name, 0, name.length)) {
                at = close + 1;
                expect(':');
                return expected;
            }
        }
        int i = start;
        while (true) {  // a name with an escape, a control or a non-ASCII byte is left to Jackson
            if (i >= end) {
                throw FastPathMiss.INSTANCE;
            }
            byte b = json[i];
            if (b == '"') {
                break;
            }
            if (b == '\\' || (b >= 0 && b < ' ')) {
                throw FastPathMiss.INSTANCE;
            }
            i++;
        }
        int length = i - start;
        at = i + 1;
        expect(':');
        for (int n = 0; n < names.length; n++) {
            if (names[n].length == length && Arrays.equals(json, start, i, names[n], 0, length)) {
                return n;
            }
        }
        return UNKNOWN;
    }

    public void beginArray() {
        expect('[');
        enter();
    }

    /** Whether another element follows in the array begun (consuming the comma); false consumes the {@code ]}. */
    public boolean nextElement(boolean first) {
        byte b = peek();
        if (b == ']') {
            at++;
            depth--;
            return false;
        }
        if (!first) {
            if (b != ',') {
                throw FastPathMiss.INSTANCE;
            }
            at++;
        }
        return true;
    }

    /** A map's next key (consuming the comma before and the colon after it), or null at its end. */
    public String nextKey(boolean first) {
        byte b = peek();
        if (b == '}') {
            at++;
            depth--;
            return null;
        }
        if (!first) {
            if (b != ',') {
                throw FastPathMiss.INSTANCE;
            }
            at++;
        }
        String key = readString();
        expect(':');
        return key;
    }

    /** Consumes a {@code null} and returns true, or returns false at any other value. */
    public boolean isNull() {
        if (peek() != 'n') {
            return false;
        }
        literal("null");
        return true;
    }

    /** Skips the value of an unknown property, checking it as strictly as the rest. */
    public void skipValue() {
        switch (peek()) {
            case '"' -> readString();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            case '[' -> {
                beginArray();
                for (boolean first = true; nextElement(first); first = false) {
                    skipValue();
                }
            }
            case '{' -> {
                beginObject();
                for (boolean first = true; nextKey(first) != null; first = false) {
                    skipValue();
                }
            }
            default -> number(true);
        }
    }

    final void literal(String text) {
        if (at + text.length() > end) {
            throw FastPathMiss.INSTANCE;
        }
        for (int i = 0; i < text.length(); i++) {
            if (json[at + i] != text.charAt(i)) {
                throw FastPathMiss.INSTANCE;
            }
        }
        at += text.length();
    }

    // ---------------------------------------------------------------- literals and strings

    /** A string: ASCII without escapes is copied in one go, anything else is decoded by {@link #decodeString}. */
    public String readString() {
        expect('"');
        int start = at;
        for (int i = start; i < end; i++) {
            byte b = json[i];
            if (b == '"') {
                if (i - start > MAX_STRING_LENGTH) {
                    throw FastPathMiss.INSTANCE;
                }
                at = i + 1;
                return new String(json, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < ' ') {  // negative bytes: UTF-8 beyond ASCII
                return decodeString(start, i);
            }
        }
        throw FastPathMiss.INSTANCE;
    }

    /**
     * The string from {@code start} (after its quote), ASCII up to {@code from}: JSON escapes, and UTF-8
     * as strict as RFC 3629 has it (no overlong forms, no encoded surrogates); controls miss.
     */
    private String decodeString(int start, int from) {
        StringBuilder text = new StringBuilder(from - start + 16);
        for (int i = start; i < from; i++) {
            text.append((char) json[i]);
        }
        int i = from;
        while (true) {
            if (i >= end || i - start > MAX_STRING_LENGTH) {
                throw FastPathMiss.INSTANCE;
            }
            int b = json[i] & 0xFF;
            if (b == '"') {
                at = i + 1;
                return text.toString();
            } else if (b == '\\') {
                i = escape(text, i + 1);
            } else if (b >= 0x20 && b < 0x80) {
                text.append((char) b);
                i++;
            } else if (b >= 0xC2 && b <= 0xDF) {
                text.append((char) ((b & 0x1F) << 6 | continuation(i + 1)));
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                int c = (b & 0x0F) << 12 | continuation(i + 1) << 6 | continuation(i + 2);
                if (c < 0x800 || Character.isSurrogate((char) c)) {
                    throw FastPathMiss.INSTANCE;
                }
                text.append((char) c);
                i += 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                int c = (b & 0x07) << 18 | continuation(i + 1) << 12 | continuation(i + 2) << 6 | continuation(i + 3);
                if (c < 0x10000 || c > Character.MAX_CODE_POINT) {
                    throw FastPathMiss.INSTANCE;
                }
                text.appendCodePoint(c);
                i += 4;
            } else {
                throw FastPathMiss.INSTANCE;
            }
        }
    }

    /** Appends the escape whose letter is at {@code i} and returns the offset after it. */
    private int escape(StringBuilder text, int i) {
        if (i >= end) {
            throw FastPathMiss.INSTANCE;
        }
        switch (json[i]) {
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case '/' -> text.append('/');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                if (i + 5 > end) {
                    throw FastPathMiss.INSTANCE;
                }
                int c = 0;
                for (int k = i + 1; k <= i + 4; k++) {
                    int digit = Character.digit(json[k], 16);
                    if (digit < 0) {
                        throw FastPathMiss.INSTANCE;
                    }
                    c = c << 4 | digit;
                }
                text.append((char) c);
                return i + 5;
            }
            default -> throw FastPathMiss.INSTANCE;
        }
        return i + 1;
    }

    private int continuation(int i) {
        if (i >= end || (json[i] & 0xC0) != 0x80) {
            throw FastPathMiss.INSTANCE;
        }
        return json[i] & 0x3F;
    }

    /** The text of a JSON number (an integer unless {@code fraction}), checked against JSON's grammar. */
    final String number(boolean fraction) {
        int start = skipWhitespace();
        int i = start;
        if (i < end && json[i] == '-') {
            i++;
        }
        int digits = digits(i);
        if (digits == 0 || (digits > 1 && json[i] == '0')) {
            throw FastPathMiss.INSTANCE;
        }
        i += digits;
        if (fraction && i < end && json[i] == '.') {
            int more = digits(i + 1);
            if (more == 0) {
                throw FastPathMiss.INSTANCE;
            }
            i += 1 + more;
        }
        if (fraction && i < end && (json[i] == 'e' || json[i] == 'E')) {
            i++;
            if (i < end && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            int more = digits(i);
            if (more == 0) {
                throw FastPathMiss.INSTANCE;
            }
            i += more;
        }
        if (i - start > MAX_NUMBER_LENGTH || (i < end && (json[i] == '.' || json[i] == 'e' || json[i] == 'E'))) {
            throw FastPathMiss.INSTANCE;
        }
        at = i;
        return new String(json, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private int digits(int from) {
        int i = from;
        while (i < end && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        return i - from;
    }

}
