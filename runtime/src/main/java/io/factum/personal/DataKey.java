package io.factum.personal;

import javax.crypto.SecretKey;

/**
 * One subject's data key, unwrapped: the AES-256 key that seals the subject's personal values, and its id,
 * written into every value it sealed.
 */
record DataKey(String keyId, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[" + keyId + ", not shown]";
    }
}
