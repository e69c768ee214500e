package io.factum.codec;

import io.factum.event.EventDecodingException;
import io.factum.event.EventEncodingException;
import io.factum.MessageText;
import io.factum.event.EventJson;
import io.factum.event.MissingPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * The small, shared pieces every generated codec calls: reading one scalar value with a precise error,
 * writing the few types whose JSON form is not their {@code toString()}, and building errors that name
 * the event type and the property path ({@code lines[2].quantity}).
 *
 * <p>Paths are not tracked while reading or writing: they are taken from Jackson's stream context at the
 * moment something goes wrong, so the happy path pays nothing for them.
 *
 * <p>Public for generated code; not meant to be called by applications.
 */
public final class CodecSupport {

    private CodecSupport() {}

    // ---------------------------------------------------------------- names

    /**
     * A matcher for {@link JsonParser#nextNameMatch}: index {@code i} for {@code names[i]},
     * {@link PropertyNameMatcher#MATCH_UNKNOWN_NAME} for any other name, {@link PropertyNameMatcher#MATCH_END_OBJECT}
     * at the end of the object. Matching on the parser's raw UTF-8 bytes avoids creating a {@code String} per name.
     */
    public static PropertyNameMatcher names(String... names) {
        List<Named> named = new ArrayList<>(names.length);
        for (String name : names) {
            named.add(Named.fromString(name));
        }
        return Json.FACTORY.constructNameMatcher(named, false);
    }

    // ---------------------------------------------------------------- structure

    /** Checks that the current token starts an object (a nested record or a map) and returns the parser. */
    public static JsonParser expectObject(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            throw unexpected(parser, eventType, "an object");
        }
        return parser;
    }

    /** Checks that the current token starts an array (a list, set or array component). */
    public static void expectArray(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.START_ARRAY)) {
            throw unexpected(parser, eventType, "an array");
        }
    }

    // ---------------------------------------------------------------- scalars: read

    public static String readString(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw unexpected(parser, eventType, "a string");
        }
        return parser.getString();
    }

    public static boolean readBoolean(JsonParser parser, String eventType) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw unexpected(parser, eventType, "true or false");
    }

    /** A {@code char} is written as a string of exactly one character, as Jackson does. */
    public static char readChar(JsonParser parser, String eventType) {
        String text = readString(parser, eventType);
        if (text.length() != 1) {
            throw invalid(parser, eventType, "expected a single character, found " + MessageText.doubleQuote(text));
        }
        return text.charAt(0);
    }

    public static byte readByte(JsonParser parser, String eventType) {
        int value = readInt(parser, eventType);
        if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
            throw invalid(parser, eventType, value + " is out of range for a byte");
        }
        return (byte) value;
    }

    public static short readShort(JsonParser parser, String eventType) {
        int value = readInt(parser, eventType);
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw invalid(parser, eventType, value + " is out of range for a short");
        }
        return (short) value;
    }

    public static int readInt(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            throw unexpected(parser, eventType, "an integer");
        }
        try {
            return parser.getIntValue();
        } catch (JacksonException e) {
            throw invalid(parser, eventType, parser.getString() + " is out of range for an int");
        }
    }

    public static long readLong(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            throw unexpected(parser, eventType, "an integer");
        }
        try {
            return parser.getLongValue();
        } catch (JacksonException e) {
            throw invalid(parser, eventType, parser.getString() + " is out of range for a long");
        }
    }

    public static float readFloat(JsonParser parser, String eventType) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return number(parser, eventType, "a float", parser::getFloatValue);
        }
        return (float) nonFinite(parser, eventType);
    }

    /** A number, or one of the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} Jackson writes for them. */
    public static double readDouble(JsonParser parser, String eventType) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return number(parser, eventType, "a double", parser::getDoubleValue);
        }
        return nonFinite(parser, eventType);
    }

    /**
     * The current number as {@code type}: Jackson's number parsing throws {@link NumberFormatException}
     * (not a {@link JacksonException}) for text it cannot represent, e.g. an exponent beyond an int.
     */
    private static <T> T number(JsonParser parser, String eventType, String type, Supplier<T> value) {
        try {
            return value.get();
        } catch (NumberFormatException | ArithmeticException | JacksonException e) {
            throw invalid(parser, eventType, "the number " + abbreviate(parser.getString()) + " is out of range for " + type);
        }
    }

    private static double nonFinite(JsonParser parser, String eventType) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            switch (parser.getString()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw unexpected(parser, eventType, "a number");
    }

    /** Exact: the decimal is read from the JSON text, never through a {@code double}. */
    public static BigDecimal readBigDecimal(JsonParser parser, String eventType) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw unexpected(parser, eventType, "a number");
        }
        return number(parser, eventType, "a BigDecimal", parser::getDecimalValue);
    }

    public static BigInteger readBigInteger(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            throw unexpected(parser, eventType, "an integer");
        }
        return number(parser, eventType, "a BigInteger", parser::getBigIntegerValue);
    }

    public static UUID readUuid(JsonParser parser, String eventType) {
        return parse(parser, eventType, "a UUID", UUID::fromString);
    }

    public static Instant readInstant(JsonParser parser, String eventType) {
        return parse(parser, eventType, "an ISO-8601 instant such as 2024-05-01T10:15:30Z", InstantText::parse);
    }

    public static LocalDate readLocalDate(JsonParser parser, String eventType) {
        return parse(parser, eventType, "an ISO-8601 date such as 2024-05-01", LocalDate::parse);
    }

    public static LocalDateTime readLocalDateTime(JsonParser parser, String eventType) {
        return parse(parser, eventType, "an ISO-8601 local date-time such as 2024-05-01T10:15:30", LocalDateTime::parse);
    }

    public static OffsetDateTime readOffsetDateTime(JsonParser parser, String eventType) {
        return parse(parser, eventType, "an ISO-8601 date-time with offset such as 2024-05-01T10:15:30+02:00",
                OffsetDateTime::parse);
    }

    public static Duration readDuration(JsonParser parser, String eventType) {
        return parse(parser, eventType, "an ISO-8601 duration such as PT1H30M", Duration::parse);
    }

    /** A {@code byte[]} is a base64 string, as Jackson writes it. */
    public static byte[] readBinary(JsonParser parser, String eventType) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw unexpected(parser, eventType, "a base64 string");
        }
        try {
            return parser.getBinaryValue();
        } catch (JacksonException e) {
            throw invalid(parser, eventType, "invalid base64: " + e.getOriginalMessage());
        }
    }

    private static <T> T parse(JsonParser parser, String eventType, String expected, Function<String, T> parse) {
        String text = readString(parser, eventType);
        try {
            return parse.apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw invalid(parser, eventType, "expected " + expected + ", found " + MessageText.doubleQuote(text));
        }
    }

    // ---------------------------------------------------------------- scalars: write

    public static void writeChar(JsonGenerator generator, char value) {
        generator.writeString(String.valueOf(value));
    }

    /**
     * Exactly {@link Instant#toString()} ({@code 2024-05-01T10:15:30.123456Z}: fractions in groups of three
     * digits, as needed), without going through {@code DateTimeFormatter} for years 0000 to 9999.
     */
    public static void writeInstant(JsonGenerator generator, Instant value) {
        InstantText.write(generator, value);
    }

    /** Always with seconds ({@code 2024-05-01T10:15:00}), as Jackson writes it; {@code toString()} drops zero seconds. */
    public static void writeLocalDateTime(JsonGenerator generator, LocalDateTime value) {
        generator.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
    }

    /** Always with seconds, as Jackson writes it. */
    public static void writeOffsetDateTime(JsonGenerator generator, OffsetDateTime value) {
        generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    // ---------------------------------------------------------------- errors: write

    /**
     * Returns {@code value}, or throws if it is null. Called after the property's name is written, so the
     * error's path is the property being written.
     */
    public static <T> T required(T value, JsonGenerator generator, String eventType) {
        if (value == null) {
            throw new EventEncodingException(eventType, path(generator.streamWriteContext(), false),
                    "a required value is null; make the component Optional<T> or annotate it @Nullable if it may be absent");
        }
        return value;
    }

    /** Returns {@code element} of the array being written, or throws if it is null. */
    public static <T> T requiredElement(T element, JsonGenerator generator, String eventType) {
        if (element == null) {
            throw new EventEncodingException(eventType, path(generator.streamWriteContext(), true),
                    "collections must not contain null; use Optional<T> elements if a value may be absent");
        }
        return element;
    }

    /** Returns the map key, or throws if it is null (JSON object names cannot be null). */
    public static String requiredKey(String key, JsonGenerator generator, String eventType) {
        if (key == null) {
            throw new EventEncodingException(eventType, path(generator.streamWriteContext(), false),
                    "map keys must not be null");
        }
        return key;
    }

    // ---------------------------------------------------------------- errors: read

    /**
     * A required property was absent. Called after the object's {@code END_OBJECT}, so the stream context
     * is the object's parent.
     */
    public static EventDecodingException missing(JsonParser parser, String eventType, String property) {
        String parent = path(parser.streamReadContext(), false);
        return new MissingPropertyException(eventType, parent == null ? property : parent + '.' + property);
    }

    /**
     * The record's constructor threw for the values read (an invariant checked in a compact constructor).
     * Called after the object's {@code END_OBJECT}, so the path is the object's own.
     */
    public static EventDecodingException rejected(JsonParser parser, String eventType, RuntimeException cause) {
        return new EventDecodingException(eventType, path(parser.streamReadContext(), false),
                "the record's constructor rejected the values read: " + cause, cause);
    }

    /** A string that names no constant of the component's enum. */
    public static EventDecodingException unknownConstant(JsonParser parser, String eventType, String name,
                                                         Enum<?>[] allowed) {
        List<String> names = new ArrayList<>(allowed.length);
        for (Enum<?> constant : allowed) {
            names.add(constant.name());
        }
        return invalid(parser, eventType, "unknown constant " + MessageText.doubleQuote(name) + "; expected one of " + names);
    }

    /** The current token does not have the expected shape; null tokens get their own message. */
    public static EventDecodingException unexpected(JsonParser parser, String eventType, String expected) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return invalid(parser, eventType,
                    "null is not allowed here; make the component Optional<T> or annotate it @Nullable if it may be absent");
        }
        return invalid(parser, eventType, "expected " + expected + ", found " + describe(parser, token));
    }

    /** A value of the right shape but an invalid content. */
    public static EventDecodingException invalid(JsonParser parser, String eventType, String problem) {
        return new EventDecodingException(eventType, path(parser.streamReadContext(), false), problem);
    }

    private static String describe(JsonParser parser, JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "the string " + MessageText.doubleQuote(abbreviate(parser.getString()));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + abbreviate(parser.getString());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "the boolean " + parser.getString();
            default:
                return token.toString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The property path at the parser's current position, or null at the root. */
    public static String path(JsonParser parser) {
        return EventJson.path(parser.streamReadContext(), false);
    }

    private static String path(TokenStreamContext context, boolean pendingElement) {
        return EventJson.path(context, pendingElement);
    }
}
