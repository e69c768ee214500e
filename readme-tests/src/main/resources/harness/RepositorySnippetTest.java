package com.example.orders;

// README: imports

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The README's repository snippet, as written, then what it stored. Harness code names every type in full. */
class RepositorySnippetTest {

    @Test
    void savesLoadsAndConfirms() throws Exception {
        // README: statements

        assertEquals(java.util.List.of("OrderCreated", "OrderItemAdded", "OrderConfirmed"),
                store.readStream("Order-42", 0, 10).stream().map(io.factum.store.StoredEvent::type).toList());
        Order replayed = orders.load("42");
        assertEquals(OrderStatus.CONFIRMED, replayed.status());
        assertEquals(2, replayed.storedRevision());
    }
}
