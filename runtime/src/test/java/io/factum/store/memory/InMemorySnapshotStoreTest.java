package io.factum.store.memory;

import io.factum.store.SnapshotStore;
import io.factum.store.SnapshotStoreContract;

/** The snapshot store contract against the in-memory store. */
class InMemorySnapshotStoreTest extends SnapshotStoreContract {

    @Override
    protected SnapshotStore newSnapshotStore() {
        return new InMemorySnapshotStore();
    }
}
