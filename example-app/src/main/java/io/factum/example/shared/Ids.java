package io.factum.example.shared;

import java.util.regex.Pattern;

/** Business ids the user types: short, readable, and safe inside a stream id ({@code Order-ORD-1}). */
public final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {}

    /**
     * Returns {@code id} if it is 1 to 64 letters, digits, dots, dashes or underscores, starting with a
     * letter or digit.
     *
     * @throws InvalidInputException naming {@code what} otherwise
     */
    public static String require(String what, String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new InvalidInputException("Invalid " + what + " id '" + id
                    + "': use 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return id;
    }

    /** Returns {@code text} trimmed, if it is not blank. */
    public static String requireText(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + " must not be empty");
        }
        return text.strip();
    }
}
