package io.factum.personal;

/**
 * Where each data subject's data key lives, wrapped under the {@link MasterKey}: one row per subject. A
 * store never sees a raw key. Implementations: {@link InMemorySubjectKeyStore}, {@link JdbcSubjectKeyStore}
 * (SQLite, PostgreSQL). Applications use {@link SubjectKeys}, which wraps, unwraps and caches.
 *
 * <p>Implementations are thread-safe, and {@link #insertIfAbsent} is atomic across every process that shares
 * the store: concurrent first uses of one subject all end up with one key.
 */
public interface SubjectKeyStore {

    /**
     * A subject's row.
     *
     * @param keyId      the data key's id
     * @param wrappedKey the data key encrypted under the master key; null once the subject is forgotten
     */
    record StoredKey(String keyId, byte[] wrappedKey) {
        /** Whether the subject was forgotten (its key destroyed). */
        public boolean forgotten() {
            return wrappedKey == null;
        }
    }

    /** The subject's row, or null if the subject has no key yet. */
    StoredKey find(String subject);

    /**
     * Stores {@code keyId} and {@code wrappedKey} for {@code subject} unless it has a row already, and returns
     * the row that is there afterwards: this one, or the one another caller (or process) stored first, or the
     * subject's forgotten row.
     */
    StoredKey insertIfAbsent(String subject, String keyId, byte[] wrappedKey);

    /**
     * Destroys the subject's data key: its row keeps the key id with no key (so that reading an old value is
     * "forgotten", not "unknown key"). A subject without a row gets a forgotten row, so that no key is created
     * for it later. Idempotent.
     */
    void forget(String subject);
}
