package io.factum.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.example.app.ExampleApp;
import io.factum.example.app.Narrator;
import io.factum.example.app.StoreLocation;
import io.factum.example.ordering.CustomerRegisteredUpcastTest;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CLI end to end, as a user runs it, against a real database: the demo, a restart, every rule
 * violation, bad input, and projection rebuilds. Each store runs the same tests.
 */
abstract class CliEndToEndTest {

    /** {@code --store ... --table-prefix ...} for a store no other test uses. */
    abstract List<String> storeOptions();

    /** The store named by {@link #storeOptions()}. */
    abstract StoreLocation location();

    CliRun run(String... args) {
        return CliRun.run(storeOptions(), args);
    }

    CliRun ok(String... args) {
        CliRun run = run(args);
        assertThat(run.exitCode()).as("%s", run).isZero();
        return run;
    }

    long storedEvents() {
        try (ExampleApp app = ExampleApp.open(location(), Narrator.SILENT, event -> {})) {
            return app.eventCount();
        }
    }

    /** Runs a command that must be refused with {@code exitCode} and {@code message}, storing nothing. */
    void refused(int exitCode, String message, String... args) {
        long before = storedEvents();
        CliRun run = run(args);
        assertThat(run.exitCode()).as("%s", run).isEqualTo(exitCode);
        assertThat(run.err()).as("%s", run).contains(message);
        assertThat(storedEvents()).as("events stored after a refused command: %s", run).isEqualTo(before);
    }

    @Test
    void theDemoRunsTheWholeStory() {
        CliRun demo = ok("demo");
        assertThat(demo.out())
                .contains("demo run #1")
                .contains("-> Inventory     reserved 2 x KBD-1, 1 x MOUSE-7 for order ORD-1")
                .contains("-> Notifications payment confirmation to alice@example.com")
                .contains("-> Notifications shipping notice to alice@example.com: Dear Alice, your order ORD-1 is on its way with DHL, tracking number TN123456.")
                .contains("-> Inventory     refused order ORD-2: short of MON-27 (wanted 2, 1 available)")
                .contains("-> Ordering      cancelled order ORD-2: Out of stock: MON-27 (wanted 2, 1 available)")
                .contains("-> Inventory     released 1 x KBD-1 of cancelled order ORD-3")
                .contains("try pay ORD-3, which is not confirmed -> rejected: Only confirmed orders can be paid (order ORD-3 is PENDING)")
                .contains("rejected: Insufficient funds: account ACC-ALICE holds 420.00 EUR, cannot take out 1000.00 EUR")
                .contains("T-1 is COMPLETED")
                .contains("T-2 is FAILED: Account ACC-CAROL is closed and cannot receive money")
                .contains("balance    270.00 EUR")
                .contains("status     DELIVERED")
                .contains("DELIVERED     1", "CANCELLED     2", "139.60 EUR")
                .contains("Demo run #1 done: 37 events stored in this run, 37 in all.")
                .contains("MoneyWithdrawn[accountId=ACC-ALICE, amount=150.00 EUR, transferId=T-1]")
                .contains("MoneyDeposited[accountId=ACC-ALICE, amount=500.00 EUR]")
                .doesNotContain("Optional");
        assertThat(demo.err()).isEmpty();
    }

    @Test
    void aRestartSeesEarlierRunsAndResumesFromCheckpoints() {
        ok("demo");
        CliRun order = ok("order", "show", "ORD-1");
        assertThat(order.out()).contains("Order ORD-1, rebuilt by replaying 6 events of stream Order-ORD-1")
                .contains("status     DELIVERED")
                .contains("shipment   DHL, tracking number TN123456")
                .containsPattern("0\\s+\\d+\\s+\\d{4}-\\d\\d-\\d\\dT[^ ]+Z\\s+OrderCreated v1")
                .containsPattern("5\\s+\\d+\\s+\\S+\\s+OrderDelivered v1");
        // 6 events, a snapshot every 5: restored from revision 4, then one event
        assertThat(ok("account", "show", "ACC-ALICE").out()).contains("balance    270.00 EUR")
                .contains("Account ACC-ALICE, restored from its snapshot at revision 4, then replaying 1 event of stream"
                        + " Account-ACC-ALICE");

        CliRun second = ok("demo");
        assertThat(second.out()).contains("demo run #2").contains("(37 events stored before this run)")
                .contains("Demo run #2 done: 37 events stored in this run, 74 in all.");
        assertThat(ok("projections", "list").out())
                .containsPattern("inventory\\s+reaction, at least once, idempotent\\s+74\\s+74\\s+0\\s+0")
                .containsPattern("analytics\\s+projection, exactly once\\s+74\\s+74\\s+0\\s+0");
        assertThat(ok("projections", "analytics").out()).contains("DELIVERED     2").contains("279.20 EUR");
    }

    @Test
    void commandsThatBreakARuleExitWithOneAndStoreNothing() {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        ok("customer", "register", "carol", "--name", "Carol", "--email", "carol@example.com");
        ok("customer", "deactivate", "carol", "--reason", "left");
        ok("stock", "receive", "KBD-1", "5");
        ok("order", "place", "ORD-1", "--customer", "alice", "--item", "KBD-1:1:49.90:Keyboard");

        refused(ExampleCli.REJECTED, "Rejected: Only confirmed orders can be paid (order ORD-1 is PENDING). Nothing was stored.",
                "order", "pay", "ORD-1");
        refused(ExampleCli.REJECTED, "Only paid orders can be shipped (order ORD-1 is PENDING)",
                "order", "ship", "ORD-1", "--tracking", "TN1", "--carrier", "DHL");
        refused(ExampleCli.REJECTED, "Only shipped orders can be delivered (order ORD-1 is PENDING)", "order", "deliver", "ORD-1");
        refused(ExampleCli.REJECTED, "Order ORD-1 already exists",
                "order", "place", "ORD-1", "--customer", "alice", "--item", "KBD-1:1:49.90");
        refused(ExampleCli.REJECTED, "Customer carol is deactivated and cannot place orders",
                "order", "place", "ORD-2", "--customer", "carol", "--item", "KBD-1:1:49.90");
        ok("order", "confirm", "ORD-1");
        refused(ExampleCli.REJECTED, "Only pending orders can be confirmed (order ORD-1 is CONFIRMED)", "order", "confirm", "ORD-1");
        refused(ExampleCli.REJECTED, "Items can only be added to pending orders", "order", "add-item", "ORD-1", "--item", "KBD-1:1:49.90");
        ok("order", "pay", "ORD-1", "--payment-id", "PAY-1");
        ok("order", "ship", "ORD-1", "--tracking", "TN1", "--carrier", "DHL");
        refused(ExampleCli.REJECTED, "Orders cannot be cancelled after shipping (order ORD-1 is SHIPPED)",
                "order", "cancel", "ORD-1", "--reason", "too late");

        ok("account", "open", "A", "--owner", "Alice");
        ok("account", "open", "B", "--owner", "Bob");
        ok("account", "deposit", "A", "100");
        refused(ExampleCli.REJECTED, "Insufficient funds: account A holds 100.00 EUR, cannot take out 100.01 EUR",
                "account", "withdraw", "A", "100.01");
        refused(ExampleCli.REJECTED, "Insufficient funds: account A holds 100.00 EUR, cannot take out 500.00 EUR",
                "account", "transfer", "A", "B", "500");
        refused(ExampleCli.REJECTED, "Account A still holds 100.00 EUR; withdraw it before closing the account", "account", "close", "A");
        refused(ExampleCli.REJECTED, "Account A holds EUR, not USD", "account", "deposit", "A", "5", "--currency", "USD");
        ok("account", "close", "B");
        refused(ExampleCli.REJECTED, "Account B is closed and cannot deposit", "account", "deposit", "B", "5");
        refused(ExampleCli.REJECTED, "Account A already exists", "account", "open", "A", "--owner", "Someone");

        ok("account", "open", "C", "--owner", "Carol");
        assertThat(ok("account", "transfer", "A", "C", "10", "--id", "T-9").out())
                .contains("-> Banking       transfer T-9: debited 10.00 EUR from A")
                .contains("-> Banking       transfer T-9 completed")
                .contains("Transfer T-9 is COMPLETED. Account A holds 90.00 EUR. Account C holds 10.00 EUR.");
    }

    @Test
    void theRemainingRulesOfCustomersStockOrdersAndAccountsAreCheckedToo() {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        refused(ExampleCli.REJECTED, "Rejected: Customer alice already exists. Nothing was stored.",
                "customer", "register", "alice", "--name", "Alice", "--email", "other@example.com");
        refused(ExampleCli.REJECTED, "Customer alice already uses alice@example.com", "customer", "change-email", "alice", "ALICE@example.com");
        ok("customer", "deactivate", "alice", "--reason", "moved away");
        refused(ExampleCli.REJECTED, "Customer alice is deactivated and cannot be deactivated again",
                "customer", "deactivate", "alice", "--reason", "again");
        refused(ExampleCli.REJECTED, "Customer alice is deactivated and cannot change their e-mail address",
                "customer", "change-email", "alice", "alice@new.example.com");

        ok("customer", "register", "bob", "--name", "Bob", "--email", "bob@example.com");
        refused(ExampleCli.REJECTED, "Received quantity must be at least 1, was 0", "stock", "receive", "KBD-1", "0");
        refused(ExampleCli.REJECTED, "Quantity of KBD-1 must be at least 1, was 0",
                "order", "place", "ORD-1", "--customer", "bob", "--item", "KBD-1:0:49.90");
        refused(ExampleCli.REJECTED, "Price of KBD-1 must be positive, was 0.00 EUR",
                "order", "place", "ORD-1", "--customer", "bob", "--item", "KBD-1:1:0");
        ok("stock", "receive", "KBD-1", "1");
        ok("order", "place", "ORD-1", "--customer", "bob", "--item", "KBD-1:1:49.90");
        ok("order", "cancel", "ORD-1", "--reason", "changed my mind");
        refused(ExampleCli.REJECTED, "The order is already cancelled (order ORD-1 is CANCELLED)", "order", "cancel", "ORD-1", "--reason", "twice");
        refused(ExampleCli.REJECTED, "Only pending orders can be confirmed (order ORD-1 is CANCELLED)", "order", "confirm", "ORD-1");

        ok("account", "open", "A", "--owner", "Alice");
        ok("account", "open", "B", "--owner", "Bob");
        ok("account", "deposit", "A", "50");
        refused(ExampleCli.REJECTED, "Amount must be positive, was 0.00 EUR", "account", "deposit", "A", "0");
        refused(ExampleCli.REJECTED, "Amount must be positive, was -1.00 EUR", "account", "withdraw", "A", "-1");
        refused(ExampleCli.REJECTED, "A transfer needs two different accounts, got A twice", "account", "transfer", "A", "A", "5");
        ok("account", "close", "B");
        refused(ExampleCli.REJECTED, "Account B is already closed", "account", "close", "B");
        refused(ExampleCli.REJECTED, "Account B is closed and cannot withdraw", "account", "withdraw", "B", "1");
        refused(ExampleCli.REJECTED, "Account B is closed and cannot receive money", "account", "transfer", "A", "B", "5");
        ok("account", "open", "C", "--owner", "Carol");
        ok("account", "transfer", "A", "C", "5", "--id", "T-1");
        refused(ExampleCli.REJECTED, "Transfer T-1 already exists", "account", "transfer", "A", "C", "5", "--id", "T-1");
        assertThat(ok("account", "show", "A").out()).contains("balance    45.00 EUR");
    }

    @Test
    void badInputAndUnknownIdsAreRefusedClearly() {
        ok("account", "open", "A", "--owner", "Alice");
        refused(ExampleCli.NOT_FOUND, "Not found: Order 'NOPE' does not exist", "order", "confirm", "NOPE");
        refused(ExampleCli.NOT_FOUND, "Not found: Account 'NOPE' does not exist", "account", "deposit", "NOPE", "10");
        refused(ExampleCli.NOT_FOUND, "Not found: Customer 'nobody' does not exist",
                "order", "place", "ORD-1", "--customer", "nobody", "--item", "KBD-1:1:49.90");
        refused(ExampleCli.BAD_INPUT, "Invalid input: 'ten' is not an amount", "account", "deposit", "A", "ten");
        refused(ExampleCli.BAD_INPUT, "Invalid input: Amount 1.001 EUR has more than 2 decimal places", "account", "deposit", "A", "1.001");
        refused(ExampleCli.BAD_INPUT, "Invalid input: 'EURO' is not an ISO 4217 currency code", "account", "open", "B", "--owner", "B",
                "--currency", "EURO");
        refused(ExampleCli.BAD_INPUT, "Invalid input: Invalid order id 'no spaces'", "order", "show", "no spaces");
        refused(ExampleCli.BAD_INPUT, "Invalid input: 'not-an-email' is not an e-mail address",
                "customer", "register", "bad", "--name", "Bad", "--email", "not-an-email");
        refused(ExampleCli.NOT_FOUND, "Not found: Transfer 'T-404' does not exist", "account", "show-transfer", "T-404");
        refused(ExampleCli.BAD_INPUT, "Item 'KBD-1' should look like PRODUCT:QUANTITY:UNIT_PRICE[:NAME]",
                "order", "place", "ORD-1", "--customer", "alice", "--item", "KBD-1");
        refused(ExampleCli.BAD_INPUT, "Quantity 'two' in item 'KBD-1:two:1.00' is not a whole number",
                "order", "place", "ORD-1", "--customer", "alice", "--item", "KBD-1:two:1.00");
        refused(ExampleCli.BAD_INPUT, "Missing required option: '--reason=REASON'", "order", "cancel", "ORD-1");
        refused(ExampleCli.BAD_INPUT, "'teleport', 'ORD-1'", "order", "teleport", "ORD-1");
        refused(ExampleCli.BAD_INPUT, "'rubbish' is not a projection; rebuildable projections are [notifications, analytics]",
                "projections", "rebuild", "rubbish");

        CliRun otherStore = CliRun.run(List.of(), "--store", "jdbc:mysql://localhost/shop", "demo");
        assertThat(otherStore.exitCode()).isEqualTo(ExampleCli.BAD_INPUT);
        assertThat(otherStore.err()).startsWith("Invalid input: Unsupported store 'jdbc:mysql://localhost/shop'");

        // Nothing listens on port 1: the store cannot be reached.
        CliRun unreachable = CliRun.run(List.of(), "--store", "jdbc:postgresql://127.0.0.1:1/test?user=postgres", "order", "show", "ORD-1");
        assertThat(unreachable.exitCode()).as("%s", unreachable).isEqualTo(ExampleCli.STORAGE);
        assertThat(unreachable.err()).startsWith("Storage error: Cannot connect to jdbc:postgresql://127.0.0.1:1/test?user=postgres");
    }

    @Test
    void reactionsThatDidNotRunBeforeTheProcessEndedRunOnTheNextStart() {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        ok("stock", "receive", "KBD-1", "5");
        // A process that stores an order and ends before any subscription ran, as if it crashed.
        try (ExampleApp app = ExampleApp.open(location(), Narrator.SILENT, event -> {})) {
            app.ordering().placeOrder("ORD-1", "alice", List.of(Inputs.item("KBD-1:2:49.90", "EUR")));
        }
        assertThat(ok("projections", "list").out())
                .containsPattern("inventory\\s+reaction, at least once, idempotent\\s+2\\s+3\\s+1\\s+0")
                .containsPattern("analytics\\s+projection, exactly once\\s+2\\s+3\\s+1\\s+0");

        CliRun catchUp = ok("projections", "catch-up");
        assertThat(catchUp.out()).contains("-> Inventory     reserved 2 x KBD-1 for order ORD-1")
                .contains("-> Analytics     order ORD-1 now counted as PENDING")
                .contains("Every subscription has caught up to position 4 (the slowest was at 2).");
        assertThat(ok("stock", "show").out()).containsPattern("KBD-1\\s+3 available");
        // Running again finds nothing to do: each reaction happened once.
        assertThat(ok("projections", "catch-up").out()).doesNotContain("->");
        assertThat(ok("stock", "show").out()).containsPattern("KBD-1\\s+3 available");
    }

    @Test
    void customersStoredAsVersionOneByAnEarlierReleaseAreReadAsTheCurrentVersion() {
        try (ExampleApp app = ExampleApp.open(location(), Narrator.SILENT, event -> {})) {
            app.store().append("Customer-bob", ExpectedRevision.noStream(),
                    List.of(CustomerRegisteredUpcastTest.storedByRelease01("bob", "mobile app")));
        }
        assertThat(ok("customer", "show", "bob").out())
                .contains("channel    MOBILE_APP")
                .containsPattern("0\\s+1\\s+2025-01-01T00:00:00Z\\s+CustomerRegistered v1 CustomerRegistered\\[customerId=bob, "
                        + "email=bob@example.com, name=Bob, channel=MOBILE_APP]");
        ok("customer", "change-email", "bob", "bob@new.example.com");
        ok("stock", "receive", "KBD-1", "1");
        ok("order", "place", "ORD-1", "--customer", "bob", "--item", "KBD-1:1:49.90");
        ok("order", "confirm", "ORD-1");
        // Notifications learnt Bob's name and address from the upcast v1 event and the change after it.
        assertThat(ok("order", "pay", "ORD-1", "--payment-id", "PAY-1").out())
                .contains("-> Notifications payment confirmation to bob@new.example.com: Dear Bob, we received your payment of 49.90 EUR");
        // The old event stays v1 (plain, as stored); the change recorded now is v2, sealed.
        assertThat(ok("customer", "show", "bob").out()).contains("CustomerRegistered v1").contains("CustomerEmailChanged v2");
    }

    /** Alice's personal data, which {@code customer forget alice} must make unreadable everywhere. */
    static final List<String> ALICE = List.of("Alice Wonderland", "alice.w@example.com", "alice.w@new.example.com");
    /** Bob's, which must stay. */
    static final List<String> BOB = List.of("Bob Builder", "bob.b@example.com");

    /** Two customers who each ordered and paid, so that Notifications holds their names and addresses. */
    void twoCustomersWhoPaid() {
        ok("customer", "register", "alice", "--name", ALICE.get(0), "--email", ALICE.get(1));
        ok("customer", "change-email", "alice", ALICE.get(2));
        ok("customer", "register", "bob", "--name", BOB.get(0), "--email", BOB.get(1), "--channel", "store");
        ok("stock", "receive", "KBD-1", "2");
        for (String customer : List.of("alice", "bob")) {
            String order = "ORD-" + customer;
            ok("order", "place", order, "--customer", customer, "--item", "KBD-1:1:49.90");
            ok("order", "confirm", order);
            ok("order", "pay", order, "--payment-id", "PAY-" + customer);
        }
        assertThat(ok("projections", "notifications").out()).contains(ALICE.get(0), ALICE.get(2), BOB.get(0), BOB.get(1));
    }

    @Test
    void aForgottenCustomersEventsReadAsTheReplacementAndOtherCustomersAreUntouched() {
        twoCustomersWhoPaid();

        assertThat(ok("customer", "forget", "alice").out())
                .contains("Customer alice forgotten: their data key is destroyed; rebuilt notifications, analytics.");

        String alice = ok("customer", "show", "alice").out();
        assertThat(alice).containsPattern("name\\s+\\(forgotten\\)").containsPattern("email\\s+\\(forgotten\\)")
                .contains("CustomerRegistered v3 CustomerRegistered[customerId=alice, email=(forgotten), name=(forgotten), channel=WEB]")
                .contains("CustomerEmailChanged v2 CustomerEmailChanged[customerId=alice, oldEmail=(forgotten), newEmail=(forgotten)]");
        String events = ok("events").out();
        assertThat(events).contains("CustomerRegistered[customerId=alice, email=(forgotten), name=(forgotten), channel=WEB]");
        String notifications = ok("projections", "notifications").out();
        for (String text : ALICE) {
            assertThat(alice + events + notifications).doesNotContain(text);
        }
        // Bob is untouched: his events, his aggregate and his notifications.
        assertThat(ok("customer", "show", "bob").out()).containsPattern("name\\s+Bob Builder").containsPattern("email\\s+bob.b@example.com");
        assertThat(events).contains("CustomerRegistered[customerId=bob, email=bob.b@example.com, name=Bob Builder, channel=STORE]");
        assertThat(notifications).contains(BOB.get(0), BOB.get(1));

        // Alice's data cannot come back: nothing new is sealed under a destroyed key.
        CliRun again = run("customer", "change-email", "alice", "alice@third.example.com");
        assertThat(again.exitCode()).as("%s", again).isEqualTo(ExampleCli.REJECTED);
        assertThat(again.err()).contains("Rejected: alice was forgotten");
        assertThat(run("customer", "forget", "nobody").exitCode()).isEqualTo(ExampleCli.NOT_FOUND);
    }

    @Test
    void aStoredEventNoOneCanReadStopsTheSubscriptionsBeforeItAndSaysWhere() {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        try (ExampleApp app = ExampleApp.open(location(), Narrator.SILENT, event -> {})) {
            app.store().append("Order-BROKEN", ExpectedRevision.noStream(), List.of(new NewEvent(UUID.randomUUID(), "OrderCreated", 1,
                    Instant.now(), Metadata.empty(), "{\"orderId\": \"BROKEN\", \"items\": [".getBytes(StandardCharsets.UTF_8))));
        }
        CliRun catchUp = run("projections", "catch-up");
        assertThat(catchUp.exitCode()).as("%s", catchUp).isEqualTo(ExampleCli.REACTION_FAILED);
        assertThat(catchUp.err()).contains("The command was stored, but a reaction did not finish: Subscription '")
                .contains("Order-BROKEN").contains("It resumes from its checkpoint (position 1) on the next run.");
        // Nothing went past the broken event.
        assertThat(ok("projections", "list").out())
                .containsPattern("inventory\\s+reaction, at least once, idempotent\\s+1\\s+2\\s+1\\s+0");
    }

    @Test
    void rebuildingAProjectionGivesTheSameReadModelAsLiveProcessing() {
        ok("demo");
        ok("demo");
        List<String> analyticsLive = analyticsRows();
        String notificationsLive = ok("projections", "notifications").out();
        assertThat(analyticsLive).hasSize(6);
        assertThat(notificationsLive).contains("tracking number TN123456-r2");

        CliRun rebuild = ok("projections", "rebuild", "analytics");
        assertThat(rebuild.out()).contains("rebuilding analytics: position 74 of 74 (100%)")
                .contains("Rebuilt analytics from 74 events");
        assertThat(analyticsRows()).isEqualTo(analyticsLive);

        ok("projections", "rebuild", "notifications");
        assertThat(ok("projections", "notifications").out()).isEqualTo(notificationsLive);
        assertThat(ok("projections", "list").out()).containsPattern("notifications\\s+projection, exactly once\\s+74\\s+74\\s+0");
    }

    private List<String> analyticsRows() {
        try (ExampleApp app = ExampleApp.open(location(), Narrator.SILENT, event -> {})) {
            return app.query(connection -> app.analytics().dump(connection));
        }
    }
}
