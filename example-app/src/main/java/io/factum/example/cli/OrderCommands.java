package io.factum.example.cli;

import io.factum.example.ordering.Order;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The Ordering context's order commands. */
@Command(name = "order", description = "Place orders and move them through their life.", synopsisSubcommandLabel = "COMMAND")
final class OrderCommands {

    @ParentCommand
    ExampleCli cli;

    @Command(name = "place", description = "Place a new order for an active customer.")
    int place(@Parameters(paramLabel = "ORDER_ID") String orderId,
              @Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID") String customerId,
              @Option(names = "--item", required = true, paramLabel = "PRODUCT:QTY:PRICE[:NAME]",
                      description = "an item, e.g. KBD-1:2:49.90:Keyboard; repeat for more") List<String> items,
              @Option(names = "--currency", paramLabel = "CURRENCY", defaultValue = "EUR", description = "currency of the prices (default: ${DEFAULT-VALUE})")
              String currency) {
        // The result is read after the reactions: Inventory may have refused the stock, and Ordering cancelled.
        return cli.change(app -> app.ordering().placeOrder(orderId, customerId, Inputs.items(items, currency)),
                app -> status(app.ordering().order(orderId)));
    }

    @Command(name = "add-item", description = "Add an item to a pending order.")
    int addItem(@Parameters(paramLabel = "ORDER_ID") String orderId,
                @Option(names = "--item", required = true, paramLabel = "PRODUCT:QTY:PRICE[:NAME]") String item) {
        return cli.change(app -> {
            String currency = app.ordering().order(orderId).total().currency();
            app.ordering().addItem(orderId, Inputs.item(item, currency));
            return "Order " + orderId + " now totals " + app.ordering().order(orderId).total() + ".";
        });
    }

    @Command(name = "confirm", description = "Confirm a pending order.")
    int confirm(@Parameters(paramLabel = "ORDER_ID") String orderId) {
        return cli.change(app -> {
            app.ordering().confirm(orderId);
            return status(app.ordering().order(orderId));
        });
    }

    @Command(name = "pay", description = "Pay a confirmed order in full.")
    int pay(@Parameters(paramLabel = "ORDER_ID") String orderId,
            @Option(names = "--method", paramLabel = "METHOD", defaultValue = "card", description = "payment method (default: ${DEFAULT-VALUE})") String method,
            @Option(names = "--payment-id", paramLabel = "PAYMENT_ID", description = "payment id (default: generated)") String paymentId) {
        String payment = paymentId != null ? paymentId : "PAY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return cli.change(app -> {
            app.ordering().pay(orderId, payment, method);
            return status(app.ordering().order(orderId));
        });
    }

    @Command(name = "ship", description = "Hand a paid order to a carrier.")
    int ship(@Parameters(paramLabel = "ORDER_ID") String orderId,
             @Option(names = "--tracking", required = true, paramLabel = "TRACKING_NUMBER") String tracking,
             @Option(names = "--carrier", paramLabel = "CARRIER", required = true) String carrier) {
        return cli.change(app -> {
            app.ordering().ship(orderId, tracking, carrier);
            return status(app.ordering().order(orderId));
        });
    }

    @Command(name = "deliver", description = "Record that a shipped order was delivered.")
    int deliver(@Parameters(paramLabel = "ORDER_ID") String orderId) {
        return cli.change(app -> {
            app.ordering().deliver(orderId);
            return status(app.ordering().order(orderId));
        });
    }

    @Command(name = "cancel", description = "Cancel an order that has not shipped.")
    int cancel(@Parameters(paramLabel = "ORDER_ID") String orderId,
               @Option(names = "--reason", paramLabel = "REASON", required = true) String reason) {
        return cli.change(app -> {
            app.ordering().cancel(orderId, reason);
            return status(app.ordering().order(orderId));
        });
    }

    @Command(name = "show", description = "Show an order rebuilt from its events, and its history.")
    int show(@Parameters(paramLabel = "ORDER_ID") String orderId) {
        return cli.withApp(app -> {
            Views views = new Views(app, cli.console());
            views.order(app.ordering().order(orderId));
            return 0;
        });
    }

    private static String status(Order order) {
        return "Order " + order.id() + " (" + order.total() + ") is " + order.status()
                + (order.cancellationReason() == null ? "" : ": " + order.cancellationReason()) + ".";
    }
}
