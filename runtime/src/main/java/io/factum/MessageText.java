package io.factum;

/**
 * Text from outside (stream ids, aggregate ids) as Factum's messages quote it: in single quotes,
 * with control characters, unpaired UTF-16 surrogates and line separators written as
 * {@code \}{@code uXXXX} and quotes and backslashes escaped, so that a message never carries a character
 * that breaks a log line or an XML test report. Every message that names an id uses it.
 */
public final class MessageText {

    private MessageText() {}

    /** {@code 'Order-42'}; {@code null} for null. */
    public static String quote(String text) {
        return quote(text, '\'');
    }

    /**
     * {@code "EUR/USD"}, escaped the same way: for text read from a payload (strings, map keys, constant names)
     * that a decoding error shows as JSON shows it.
     */
    public static String doubleQuote(String text) {
        return quote(text, '"');
    }

    private static String quote(String text, char mark) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(text.length() + 2).append(mark);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                quoted.append(c).append(text.charAt(++i));
            } else if (c == mark || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(mark).toString();
    }
}
