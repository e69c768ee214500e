package io.factum.example.cli;

import io.factum.example.app.ExampleApp;
import io.factum.example.banking.TransferStatus;
import io.factum.example.ordering.OrderLine;
import io.factum.example.ordering.OrderStatus;
import io.factum.example.ordering.RegistrationChannel;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The guided tour: every concept of the lesson, one step at a time. Each step runs commands
 * through the contexts' services, and the console shows the events they recorded (synchronous
 * bus) and how the other contexts reacted (durable subscriptions, awaited after each step).
 *
 * <p>Ids get a run suffix from the second run on ({@code ORD-1-r2}), so the demo can run again on
 * the same store and the earlier runs stay visible.
 */
final class Demo {

    private final ExampleApp app;
    private final Console console;
    private String suffix = "";

    Demo(ExampleApp app, Console console) {
        this.app = app;
        this.console = console;
    }

    void run() {
        int run = 1;
        while (app.ordering().customerExists(id("alice", run))) {
            run++;
        }
        suffix = suffix(run);
        long positionBefore = app.headPosition();
        long countBefore = app.eventCount();
        console.line("Factum example shop, demo run #%d on %s (%d events stored before this run)", run,
                app.location().describe(), countBefore);
        app.startReactions();

        String alice = id("alice");
        String bob = id("bob");
        String carol = id("carol");
        String order1 = id("ORD-1");
        String order2 = id("ORD-2");
        String order3 = id("ORD-3");

        step("1. Inventory receives stock", () -> {
            app.inventory().receive("KBD-1", 10);
            app.inventory().receive("MOUSE-7", 5);
            app.inventory().receive("MON-27", 1);
        });

        step("2. Customers register (Ordering)", () -> {
            app.ordering().registerCustomer(alice, "Alice", "alice@example.com", RegistrationChannel.WEB);
            app.ordering().registerCustomer(bob, "Bob", "bob@example.com", RegistrationChannel.MOBILE_APP);
            app.ordering().registerCustomer(carol, "Carol", "carol@example.com", RegistrationChannel.STORE);
        });

        step("3. Alice places an order: Inventory reserves the stock, Analytics counts it", () ->
                app.ordering().placeOrder(order1, alice, List.of(
                        line("KBD-1", "Mechanical keyboard", 2, "49.90"),
                        line("MOUSE-7", "Wireless mouse", 1, "19.90"))));

        step("4. She adds an item, confirms and pays: Notifications confirms the payment", () -> {
            app.ordering().addItem(order1, line("MOUSE-7", "Wireless mouse", 1, "19.90"));
            app.ordering().confirm(order1);
            app.ordering().pay(order1, id("PAY-1"), "credit card");
        });

        step("5. Rules are checked before anything is stored", () -> {
            app.ordering().placeOrder(order3, bob, List.of(line("KBD-1", "Mechanical keyboard", 1, "49.90")));
            rejected("pay " + order3 + ", which is not confirmed", () -> app.ordering().pay(order3, id("PAY-2"), "cash"),
                    "Order-" + order3, () -> app.store().streamRevision("Order-" + order3));
            rejected("confirm " + order1 + " a second time", () -> app.ordering().confirm(order1),
                    "Order-" + order1, () -> app.store().streamRevision("Order-" + order1));
        });

        step("6. The order ships and is delivered: Notifications sends the tracking number", () -> {
            app.ordering().ship(order1, id("TN123456"), "DHL");
            app.ordering().deliver(order1);
            rejected("cancel " + order1 + " after shipping", () -> app.ordering().cancel(order1, "changed my mind"),
                    "Order-" + order1, () -> app.store().streamRevision("Order-" + order1));
        });

        step("7. Bob wants more monitors than the warehouse holds: Inventory refuses, Ordering cancels", () -> {
            int monitors = app.inventory().warehouse().available("MON-27");
            app.ordering().placeOrder(order2, bob, List.of(line("MON-27", "27-inch monitor", monitors + 1, "229.00")));
        });

        step("8. Bob cancels his other order: Inventory releases the keyboard", () ->
                app.ordering().cancel(order3, "found it cheaper elsewhere"));

        step("9. Customers change: Alice gets a new address, Carol leaves and can no longer order", () -> {
            app.ordering().changeEmail(alice, "alice@new.example.com");
            app.ordering().deactivateCustomer(carol, "asked to close her account");
            rejected("place an order for deactivated " + carol,
                    () -> app.ordering().placeOrder(id("ORD-4"), carol, List.of(line("KBD-1", "Mechanical keyboard", 1, "49.90"))),
                    "Order-" + id("ORD-4"), () -> app.store().streamRevision("Order-" + id("ORD-4")));
        });

        String accountA = id("ACC-ALICE");
        String accountB = id("ACC-BOB");
        String accountC = id("ACC-CAROL");
        step("10. Bank accounts (the lesson's closing exercise): no overdraft", () -> {
            app.banking().open(accountA, "Alice", "EUR");
            app.banking().deposit(accountA, eur("500.00"));
            app.banking().withdraw(accountA, eur("80.00"));
            rejected("withdraw 1000.00 EUR from " + accountA, () -> app.banking().withdraw(accountA, eur("1000.00")),
                    "Account-" + accountA, () -> app.store().streamRevision("Account-" + accountA));
        });

        step("11. A transfer is a process: debit the source, credit the target, complete", () -> {
            app.banking().open(accountB, "Bob", "EUR");
            app.banking().requestTransfer(id("T-1"), accountA, accountB, eur("150.00"));
        });
        console.line("  %s is %s", id("T-1"), app.banking().transfer(id("T-1")).status());

        step("12. The transfer process is down while the target account closes; back up, it resumes from its "
                + "checkpoint and returns the money", () -> {
            app.stopReaction(ExampleApp.TRANSFERS);
            app.banking().open(accountC, "Carol", "EUR");
            app.banking().requestTransfer(id("T-2"), accountA, accountC, eur("50.00"));
            app.banking().close(accountC);
            console.line("  (transfer process restarts)");
            app.startReactions();
        });
        var failed = app.banking().transfer(id("T-2"));
        console.line("  %s is %s: %s", failed.id(), failed.status(), failed.failureReason());
        if (failed.status() != TransferStatus.FAILED) {
            throw new IllegalStateException("transfer " + failed.id() + " should have failed, but is " + failed.status());
        }

        console.heading("13. State rebuilt by replaying events");
        Views views = new Views(app, console);
        views.order(app.ordering().order(order1));
        views.account(app.banking().loadAccount(accountA));
        console.line("Order %s is %s: %s", order2, app.ordering().order(order2).status(),
                app.ordering().order(order2).cancellationReason());
        views.warehouse(app.inventory().warehouse());

        console.heading("14. Read models built by the other contexts, and their checkpoints");
        ProjectionCommands.printReport(console, app.query(connection -> app.analytics().report(connection)));
        console.line("Notifications recorded in this run:");
        ProjectionCommands.printNotifications(console, app.query(connection -> app.notifications().list(connection, null))
                .stream().filter(n -> n.position() > positionBefore).toList());
        console.line("Subscriptions:");
        for (var subscription : app.subscriptions()) {
            console.line("  %-14s checkpoint %d", subscription.name(), subscription.position());
        }
        console.line("");
        console.line("Demo run #%d done: %d events stored in this run, %d in all. Run it again, or try "
                + "'order show %s' and 'projections list'.", run, app.eventCount() - countBefore, app.eventCount(), order1);
        if (app.ordering().order(order1).status() != OrderStatus.DELIVERED) {
            throw new IllegalStateException("order " + order1 + " should be delivered");
        }
    }

    /** Runs one step and waits for every context's reaction to it. */
    private void step(String title, Runnable commands) {
        console.heading(title);
        commands.run();
        app.awaitReactions();
    }

    /** Shows that a command breaking a rule is refused and stores nothing. */
    private void rejected(String attempt, Runnable command, String stream, LongSupplier revision) {
        long before = revision.getAsLong();
        try {
            command.run();
        } catch (RuleViolation expected) {
            long after = revision.getAsLong();
            console.line("  try %s -> rejected: %s", attempt, expected.getMessage());
            console.line("      nothing stored: %s %s", stream,
                    after < 0 ? "does not exist" : "is still at revision " + after);
            if (after != before) {
                throw new IllegalStateException(stream + " changed although the command was rejected");
            }
            return;
        }
        throw new IllegalStateException("'" + attempt + "' should have been rejected");
    }

    private static OrderLine line(String product, String name, int quantity, String price) {
        return new OrderLine(product, name, quantity, eur(price));
    }

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    private String id(String base) {
        return base + suffix;
    }

    private static String id(String base, int run) {
        return base + suffix(run);
    }

    private static String suffix(int run) {
        return run == 1 ? "" : "-r" + run;
    }
}
