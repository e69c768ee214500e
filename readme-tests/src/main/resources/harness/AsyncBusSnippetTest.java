package com.example.orders;

// README: imports

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The README's asynchronous bus snippet, as written: after the try block the bus has drained. */
class AsyncBusSnippetTest {

    @Test
    void closeDrainsWhatWasPublished() throws Exception {
        io.factum.event.EventTypeRegistry registry = io.factum.event.EventTypeRegistry.load();
        io.factum.store.EventStore store = new io.factum.store.memory.InMemoryEventStore();
        java.util.List<String> printed = Harness.printedBy(() -> {
            // README: statements
        });
        assertEquals(java.util.List.of("Order-44 rev 0: OrderCreated[orderId=44, customerId=carol]"), printed);
    }
}
