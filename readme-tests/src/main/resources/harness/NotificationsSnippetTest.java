package com.example.orders;

// README: imports

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The README's synchronous bus snippet, as written, on a store and registry the harness sets up. */
class NotificationsSnippetTest {

    @Test
    void handlersSeeWhatIsSaved() throws Exception {
        io.factum.event.EventTypeRegistry registry = io.factum.event.EventTypeRegistry.load();
        io.factum.store.EventStore store = new io.factum.store.memory.InMemoryEventStore();
        java.util.List<String> printed = Harness.printedBy(() -> {
            // README: statements

            Order loaded = orders.load("43");
            loaded.confirm();
            orders.save(loaded);
        });
        assertEquals(java.util.List.of(
                        "Order-43 rev 0: OrderCreated[orderId=43, customerId=bob]",
                        "Order 43 confirmed, total 0",
                        "Order-43 rev 1: OrderConfirmed[orderId=43, total=0]"),
                printed);
    }
}
