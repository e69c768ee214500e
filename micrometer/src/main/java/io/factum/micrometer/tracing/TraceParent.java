package io.factum.micrometer.tracing;

import java.util.Optional;

/**
 * A W3C Trace Context {@code traceparent} header, {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}
 * (https://www.w3.org/TR/trace-context/#traceparent-header), as the append wrote it into an event's metadata.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero: the append span
 * @param sampled the {@code sampled} flag
 */
record TraceParent(String traceId, String spanId, boolean sampled) {

    /** The header's name in the metadata. */
    static final String HEADER = "traceparent";

    /** The trace parent in {@code header}; empty when it is null or not a valid one (then nothing is linked). */
    static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("-", -1);
        // Version 00 has exactly four parts; a later version may append more (W3C: parse the first four).
        if (parts.length < 4 || !isHex(parts[0], 2) || parts[0].equals("ff") || (parts[0].equals("00") && parts.length != 4)
                || !isHex(parts[1], 32) || !isHex(parts[2], 16) || !isHex(parts[3], 2)
                || isZero(parts[1]) || isZero(parts[2])) {
            return Optional.empty();
        }
        boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
        return Optional.of(new TraceParent(parts[1], parts[2], sampled));
    }

    private static boolean isHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
