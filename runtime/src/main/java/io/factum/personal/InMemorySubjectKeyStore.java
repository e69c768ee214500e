package io.factum.personal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SubjectKeyStore} in a map, for tests and the in-memory event store: keys last as long as the process. */
public final class InMemorySubjectKeyStore implements SubjectKeyStore {

    /** The key id of a forgotten row that never had a key. */
    static final String NEVER_KEYED = "-";

    private final ConcurrentMap<String, StoredKey> keys = new ConcurrentHashMap<>();

    @Override
    public StoredKey find(String subject) {
        return keys.get(subject);
    }

    @Override
    public StoredKey insertIfAbsent(String subject, String keyId, byte[] wrappedKey) {
        StoredKey candidate = new StoredKey(keyId, wrappedKey.clone());
        StoredKey existing = keys.putIfAbsent(subject, candidate);
        return existing != null ? existing : candidate;
    }

    @Override
    public void forget(String subject) {
        keys.compute(subject, (s, row) -> new StoredKey(row == null ? NEVER_KEYED : row.keyId(), null));
    }

    /** How many subjects have a row (keyed or forgotten). */
    public int size() {
        return keys.size();
    }
}
