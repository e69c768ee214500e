package io.factum.personal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM on small values with the JDK's {@code javax.crypto}: {@code nonce (12 bytes) ‖ ciphertext ‖ tag
 * (16 bytes)}. One {@code Cipher} per thread (creating one costs more than encrypting a value).
 *
 * <p><b>Nonces.</b> GCM must never see one nonce twice under one key. Each thread draws 8 random bytes from
 * {@code SecureRandom} once, then counts in the last 4 (and draws again before the count wraps): two nonces
 * under one key collide only if two threads drew the same 64-bit prefix, which for the few threads that ever
 * encrypt one subject's data is negligible (below 2⁻⁵⁰ for a thousand of them). Drawing 12 random bytes per
 * value would cost about a microsecond here, more than the encryption itself.
 */
final class FieldCipher {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = NONCE_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<PerThread> STATE = ThreadLocal.withInitial(PerThread::new);

    private FieldCipher() {}

    /** Encrypts {@code plaintext} with a fresh nonce, binding {@code associatedData}. */
    static byte[] encrypt(SecretKey key, byte[] associatedData, byte[] plaintext) throws GeneralSecurityException {
        PerThread state = STATE.get();
        byte[] out = new byte[NONCE_BYTES + plaintext.length + TAG_BITS / 8];
        state.nextNonce(out);
        Cipher cipher = state.cipher;
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        return out;
    }

    /**
     * Decrypts {@code length} bytes at {@code offset} of {@code sealed}.
     *
     * @throws javax.crypto.AEADBadTagException if the key, the associated data or the bytes are not the ones
     *                                          it was encrypted with
     * @throws GeneralSecurityException         if the input is too short to be a sealed value
     */
    static byte[] decrypt(SecretKey key, byte[] associatedData, byte[] sealed, int offset, int length)
            throws GeneralSecurityException {
        if (length < OVERHEAD) {
            throw new GeneralSecurityException("a sealed value has at least " + OVERHEAD + " bytes, this one " + length);
        }
        Cipher cipher = STATE.get().cipher;
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, offset + NONCE_BYTES, length - NONCE_BYTES);
    }

    /** A thread's cipher and nonce sequence. */
    private static final class PerThread {
        final Cipher cipher;
        private final byte[] prefix = new byte[8];
        private int counter;

        PerThread() {
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This JDK offers no AES/GCM/NoPadding cipher: " + e, e);
            }
            RANDOM.nextBytes(prefix);
        }

        void nextNonce(byte[] into) {
            if (counter == -1) {
                RANDOM.nextBytes(prefix);  // 2^32 values from this prefix: take a new one before the count repeats
            }
            System.arraycopy(prefix, 0, into, 0, 8);
            int n = counter++;
            into[8] = (byte) (n >>> 24);
            into[9] = (byte) (n >>> 16);
            into[10] = (byte) (n >>> 8);
            into[11] = (byte) n;
        }
    }
}
