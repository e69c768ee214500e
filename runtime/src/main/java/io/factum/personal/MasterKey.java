package io.factum.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's key-encryption key: it encrypts ("wraps") every subject's data key before the key is
 * stored, so a copy of the key table alone (a backup, a replica, read access) opens nothing. Supplied by the
 * application, typically from a secret manager; Factum never stores it.
 *
 * <p>Wrapping is AES-GCM with the subject and the key id as associated data: a wrapped key copied to another
 * subject's row does not open. A wrong master key is detected (the GCM tag fails), never silently accepted.
 */
public final class MasterKey {

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /**
     * A master key of 16, 24 or 32 bytes (AES-128, -192 or -256; 32 recommended). The array is copied, so the
     * caller may clear its own.
     *
     * @throws IllegalArgumentException if the length is not 16, 24 or 32 bytes
     */
    public static MasterKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("A master key is an AES key of 16, 24 or 32 bytes, not " + key.length
                    + " bytes: generate one with KeyGenerator.getInstance(\"AES\") (256 bits) and keep it in a secret manager");
        }
        return new MasterKey(new SecretKeySpec(key.clone(), "AES"));
    }

    /**
     * A master key from a {@code javax.crypto.SecretKey} of algorithm {@code AES} (for example from a
     * {@code java.security.KeyStore}).
     *
     * @throws IllegalArgumentException if the key is not an AES key
     */
    public static MasterKey of(SecretKey key) {
        Objects.requireNonNull(key, "key");
        if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("A master key must be an AES SecretKey, not " + key.getAlgorithm());
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            // A key that never leaves its provider (an HSM) is used as it is.
            return new MasterKey(key);
        }
        try {
            return of(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** {@code rawKey} encrypted for storage in {@code subject}'s row under {@code keyId}. */
    byte[] wrap(String subject, String keyId, byte[] rawKey) {
        try {
            return FieldCipher.encrypt(key, associatedData(subject, keyId), rawKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to wrap a data key: " + e, e);
        }
    }

    /** The raw data key, or throws if this master key did not wrap it for this subject and key id. */
    byte[] unwrap(String subject, String keyId, byte[] wrapped) throws GeneralSecurityException {
        return FieldCipher.decrypt(key, associatedData(subject, keyId), wrapped, 0, wrapped.length);
    }

    private static byte[] associatedData(String subject, String keyId) {
        return ("factum-data-key\u0000" + keyId + "\u0000" + subject).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[AES, not shown]";
    }
}
