package io.factum.json;

import java.time.Instant;

/**
 * The JSON text of an {@link Instant}, exactly as {@link Instant#toString()} and {@link Instant#parse} have it,
 * for years 0000 to 9999 in the form {@code toString()} writes ({@code 2024-05-01T10:15:30.123456Z}), on bytes
 * and without {@code DateTimeFormatter} or {@code LocalDate}: those cost about as much as coding the rest of a
 * typical event. Anything else is left to the JDK (the callers fall back to it).
 */
public final class InstantBytes {

    /** Epoch seconds of 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the fast format's range. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final long DAYS_0000_TO_1970 = 719_528L;

    /** "00" to "99": two digits per division. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private InstantBytes() {}

    /** The longest text {@link #write} produces: {@code 2024-05-01T10:15:30.123456789Z}. */
    public static final int MAX_LENGTH = 30;

    /**
     * Writes {@code value} as {@link Instant#toString()} does into {@code to} at {@code offset} (room for
     * {@link #MAX_LENGTH} bytes) and returns the offset after it, or -1 outside years 0000 to 9999.
     */
    public static int write(Instant value, byte[] to, int offset) {
        long seconds = value.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return -1;
        }
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // civil-from-days (Howard Hinnant's algorithm), as LocalDate.ofEpochDay computes it
        long zeroDay = epochDay + DAYS_0000_TO_1970 - 60;  // days from 0000-03-01
        long era = Math.floorDiv(zeroDay, 146_097);
        int dayOfEra = (int) (zeroDay - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;  // 0 = March
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
        pair(to, offset, year / 100);
        pair(to, offset + 2, year % 100);
        to[offset + 4] = '-';
        pair(to, offset + 5, month);
        to[offset + 7] = '-';
        pair(to, offset + 8, day);
        to[offset + 10] = 'T';
        pair(to, offset + 11, secondOfDay / 3_600);
        to[offset + 13] = ':';
        pair(to, offset + 14, secondOfDay / 60 % 60);
        to[offset + 16] = ':';
        pair(to, offset + 17, secondOfDay % 60);
        int at = offset + 19;
        int nanos = value.getNano();
        if (nanos != 0) {
            to[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(to, at, nanos / 1_000_000, 3);
                at += 3;
            } else if (nanos % 1_000 == 0) {
                put(to, at, nanos / 1_000, 6);
                at += 6;
            } else {
                put(to, at, nanos, 9);
                at += 9;
            }
        }
        to[at++] = 'Z';
        return at;
    }

    /**
     * {@link Instant#parse} of the {@code length} bytes at {@code offset} if they are in the form
     * {@link Instant#toString()} writes for years 0000 to 9999 and a valid date and time; otherwise null
     * ({@code Instant.parse} decides: offsets, lower case, leap seconds, invalid dates).
     */
    public static Instant parse(byte[] text, int offset, int length) {
        if (length < 20 || length > 30 || length == 21
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':' || text[offset + length - 1] != 'Z'
                || (length > 20 && text[offset + 19] != '.')) {
            return null;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        int nanos = length > 20 ? digits(text, offset + 20, length - 21) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        for (int i = length - 21; i < 9; i++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    private static int monthLength(int year, int month) {
        if (month == 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** As {@code LocalDate.toEpochDay}, for years 0 and above. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            total -= leap ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(byte[] text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Writes {@code value} (0 to 99) as two digits at {@code offset}. */
    private static void pair(byte[] text, int offset, int value) {
        text[offset] = DIGIT_PAIRS[2 * value];
        text[offset + 1] = DIGIT_PAIRS[2 * value + 1];
    }

    /** Writes {@code value} as {@code digits} decimal digits, zero-padded, at {@code offset}: two at a time. */
    static void put(byte[] text, int offset, int value, int digits) {
        int i = offset + digits;
        while (i - offset >= 2) {
            int rest = value / 100;
            int pair = (value - rest * 100) * 2;
            text[--i] = DIGIT_PAIRS[pair + 1];
            text[--i] = DIGIT_PAIRS[pair];
            value = rest;
        }
        if (i > offset) {
            text[--i] = (byte) ('0' + value % 10);
        }
    }
}
