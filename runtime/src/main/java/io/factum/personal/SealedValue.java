package io.factum.personal;

import java.util.Base64;

/**
 * The stored form of one encrypted component: a JSON string, so the payload stays valid JSON that any tool
 * reads, and self-describing: {@code "pd1:A256GCM:<key id>:<base64url of nonce ‖ ciphertext ‖ tag>"}.
 * {@code pd1} is the format's version, {@code A256GCM} the algorithm (AES-256 in GCM mode, as JOSE names it),
 * the key id the subject's data key that sealed it. The subject is not in it: it is the event's
 * {@code @DataSubject} component, stored beside it in plain text, and bound into the tag.
 *
 * @param keyId  the data key's id
 * @param sealed nonce ‖ ciphertext ‖ tag
 */
public record SealedValue(String keyId, byte[] sealed) {

    /** Every sealed value starts with this: format version and algorithm. */
    public static final String PREFIX = "pd1:A256GCM:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The JSON string's content. */
    public String text() {
        return PREFIX + keyId + ':' + ENCODER.encodeToString(sealed);
    }

    /**
     * Parses the text {@link #text()} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong, if {@code text} is not a sealed value
     */
    public static SealedValue parse(String text) {
        if (!text.startsWith(PREFIX)) {
            int colon = text.indexOf(':');
            throw new IllegalArgumentException(colon > 0 && colon < 16
                    ? "it is not a sealed value of format " + PREFIX + " (it starts with " + text.substring(0, colon + 1) + ")"
                    : "it is not a sealed value (it does not start with " + PREFIX + "): was it stored before the component became"
                            + " @PersonalData? That needs a new schema version and an upcaster");
        }
        int separator = text.indexOf(':', PREFIX.length());
        if (separator <= PREFIX.length()) {
            throw new IllegalArgumentException("the sealed value has no key id");
        }
        byte[] sealed;
        try {
            sealed = DECODER.decode(text.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed value is not valid base64url: " + e.getMessage(), e);
        }
        return new SealedValue(text.substring(PREFIX.length(), separator), sealed);
    }
}
