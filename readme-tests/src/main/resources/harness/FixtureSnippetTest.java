package com.example.orders;

// README: imports

import org.junit.jupiter.api.Test;

/** The README's fixture snippet, as written: its expectError throws AssertionError if it does not hold. */
class FixtureSnippetTest {

    @Test
    void confirmingAConfirmedOrderIsRefused() throws Exception {
        // README: statements
    }
}
