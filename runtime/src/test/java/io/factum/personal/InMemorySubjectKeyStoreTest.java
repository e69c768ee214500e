package io.factum.personal;

/** The key store contract in memory. */
class InMemorySubjectKeyStoreTest extends SubjectKeyStoreContract {

    @Override
    protected SubjectKeyStore newStore() {
        return new InMemorySubjectKeyStore();
    }

    @Override
    protected int rowCount(SubjectKeyStore store) {
        return ((InMemorySubjectKeyStore) store).size();
    }
}
