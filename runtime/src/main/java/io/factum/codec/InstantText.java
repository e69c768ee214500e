package io.factum.codec;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON text of an {@link Instant}, exactly as {@link Instant#toString()} and {@link Instant#parse}
 * have it, with fast paths for years 0000 to 9999: {@code DateTimeFormatter} costs about as much as
 * coding the rest of a typical event.
 */
final class InstantText {

    /** Epoch seconds of 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the fast instant format's range. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private InstantText() {}

    /**
     * {@link Instant#parse}, with a fast path for the form {@link Instant#toString()} writes
     * ({@code 2024-05-01T10:15:30.123456Z}, years 0000 to 9999): {@code DateTimeFormatter} costs about as much
     * as decoding the rest of a typical event. Anything else (offsets, lower case, leap seconds, invalid
     * dates) goes to {@code Instant.parse}, which decides.
     */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = length > 20 ? digits(text, 20, length - 21) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth())
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text);
        }
        for (int i = length - 21; i < 9; i++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Exactly {@link Instant#toString()} ({@code 2024-05-01T10:15:30.123456Z}: fractions in groups of three
     * digits, as needed), without going through {@code DateTimeFormatter} for years 0000 to 9999.
     */
    static void write(JsonGenerator generator, Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            generator.writeString(value.toString());
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = Math.floorMod(seconds, 86_400); // floorMod(long, int) is an int
        char[] text = new char[30];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = value.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(text, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(text, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(text, length, nanos, 9);
                length += 9;
            }
        }
        text[length++] = 'Z';
        generator.writeString(text, 0, length);
    }

    /** Writes {@code value} as {@code digits} decimal digits, zero-padded, at {@code offset}. */
    private static void put(char[] text, int offset, int value, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
