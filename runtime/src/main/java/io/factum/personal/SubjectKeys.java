package io.factum.personal;

import io.factum.MessageText;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys of data subjects: one AES-256 key per subject, created on first use, stored wrapped under the
 * {@link MasterKey} in a {@link SubjectKeyStore}, and cached unwrapped for a bounded time. {@link #forget}
 * destroys a subject's key; from then on the subject's personal values read as their declared replacements.
 *
 * <pre>{@code
 * SubjectKeys keys = SubjectKeys.of(JdbcSubjectKeyStore.postgres(dataSource, tables).createTable(),
 *                                   MasterKey.of(secretManager.masterKeyBytes()));
 * PersonalData.use(keys);          // once, at startup: generated codecs find it there
 * ...
 * keys.forget(customerId);         // the right to be forgotten
 * }</pre>
 *
 * <p>Concurrent first uses of one subject, in this process or others sharing the store, end with one key: the
 * store keeps the first row inserted and every caller reads that one back. Thread-safe.
 */
public final class SubjectKeys {

    /** Default bound on cached keys. */
    public static final int DEFAULT_MAX_CACHED = 10_000;
    /** Default time a cached key (or forgotten state) is trusted: how long a forget takes to reach other processes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder KEY_IDS = Base64.getUrlEncoder().withoutPadding();

    private final SubjectKeyStore store;
    private final MasterKey masterKey;
    private final KeyCache cache;

    SubjectKeys(SubjectKeyStore store, MasterKey masterKey, int maxCached, Duration ttl, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.cache = new KeyCache(maxCached, ttl.toNanos(), nanoTime);
    }

    /** Keys in {@code store} under {@code masterKey}, cached {@value #DEFAULT_MAX_CACHED} at most for one minute each. */
    public static SubjectKeys of(SubjectKeyStore store, MasterKey masterKey) {
        return new SubjectKeys(store, masterKey, DEFAULT_MAX_CACHED, DEFAULT_TTL, System::nanoTime);
    }

    /**
     * The same store and master key with another cache: at most {@code maxCached} keys, each trusted for
     * {@code ttl} (a forget reaches other processes within {@code ttl}).
     */
    public SubjectKeys withCache(int maxCached, Duration ttl) {
        return new SubjectKeys(store, masterKey, maxCached, ttl, System::nanoTime);
    }

    /**
     * Destroys {@code subject}'s data key in the store and in this process's cache. Idempotent; a subject
     * without a key yet is marked forgotten, so none is created for it later.
     */
    public void forget(String subject) {
        Objects.requireNonNull(subject, "subject");
        store.forget(subject);
        cache.remove(subject);
    }

    /** Whether {@code subject} has been forgotten (asks the store, not the cache). */
    public boolean isForgotten(String subject) {
        SubjectKeyStore.StoredKey row = store.find(subject);
        return row != null && row.forgotten();
    }

    /** Drops every cached key (the next use of each subject reads the store). */
    public void clearCache() {
        cache.clear();
    }

    SubjectKeyStore store() {
        return store;
    }

    int cachedKeys() {
        return cache.size();
    }

    /**
     * The key to seal {@code subject}'s new values with, created if the subject has none; null if the subject
     * was forgotten.
     *
     * @throws KeyProblem if the stored key does not open with the master key
     */
    DataKey forWriting(String subject) {
        KeyCache.Entry cached = cache.get(subject);
        if (cached != null) {
            return cached.key();
        }
        SubjectKeyStore.StoredKey row = store.find(subject);
        if (row == null) {
            row = create(subject);
        }
        if (row.forgotten()) {
            cache.put(subject, null);
            return null;
        }
        DataKey key = unwrap(subject, row);
        cache.put(subject, key);
        return key;
    }

    /**
     * The key {@code keyId} of {@code subject}, or null if the subject was forgotten.
     *
     * @throws KeyProblem if the subject has no such key, or it does not open with the master key
     */
    DataKey forReading(String subject, String keyId) {
        KeyCache.Entry cached = cache.get(subject);
        if (cached != null && (cached.key() == null || cached.key().keyId().equals(keyId))) {
            return cached.key();
        }
        SubjectKeyStore.StoredKey row = store.find(subject);
        if (row == null) {
            throw new KeyProblem("subject " + MessageText.quote(subject) + " has no data key, so key id "
                    + MessageText.quote(keyId) + " is unknown: is this the key store (and table prefix) the event was written with?");
        }
        if (row.forgotten()) {
            cache.put(subject, null);
            return null;
        }
        if (!row.keyId().equals(keyId)) {
            throw new KeyProblem("key id " + MessageText.quote(keyId) + " is not the data key of subject "
                    + MessageText.quote(subject) + " (" + MessageText.quote(row.keyId()) + "): the value was sealed with another key store");
        }
        DataKey key = unwrap(subject, row);
        cache.put(subject, key);
        return key;
    }

    private SubjectKeyStore.StoredKey create(String subject) {
        byte[] raw = new byte[32];
        byte[] id = new byte[9];
        RANDOM.nextBytes(raw);
        RANDOM.nextBytes(id);
        String keyId = KEY_IDS.encodeToString(id);
        try {
            return store.insertIfAbsent(subject, keyId, masterKey.wrap(subject, keyId, raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private DataKey unwrap(String subject, SubjectKeyStore.StoredKey row) {
        byte[] raw;
        try {
            raw = masterKey.unwrap(subject, row.keyId(), row.wrappedKey());
        } catch (GeneralSecurityException e) {
            throw new KeyProblem("the master key does not open the data key of subject " + MessageText.quote(subject)
                    + " (" + e.getClass().getSimpleName() + "): is this the master key the key store was written with?");
        }
        try {
            return new DataKey(row.keyId(), new SecretKeySpec(raw, "AES"));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A key that should be there cannot be used; {@link PersonalField} turns it into a decoding error with its place. */
    static final class KeyProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyProblem(String message) {
            super(message, null, false, false);
        }
    }
}
