package io.factum.store.memory;

import io.factum.store.EventStore;
import io.factum.store.EventStoreContract;

class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
