package io.factum.example.cli;

import io.factum.event.EventEnvelope;
import io.factum.example.app.ExampleApp;
import io.factum.aggregate.LoadedAggregate;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.MoneyTransfer;
import io.factum.example.banking.MoneyTransferAggregateType;
import io.factum.example.inventory.Warehouse;
import io.factum.example.inventory.WarehouseAggregateType;
import io.factum.example.ordering.Customer;
import io.factum.example.ordering.CustomerAggregateType;
import io.factum.example.ordering.Order;
import io.factum.example.ordering.OrderAggregateType;
import io.factum.example.ordering.OrderLine;
import io.factum.store.StoredEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Renders aggregates rebuilt by replay, with the history of their streams. */
final class Views {

    private static final int HISTORY_BATCH = 500;

    private final ExampleApp app;
    private final Console console;

    Views(ExampleApp app, Console console) {
        this.app = app;
        this.console = console;
    }

    void order(Order order) {
        String stream = OrderAggregateType.INSTANCE.streamId(order.id());
        console.line("Order %s, rebuilt by replaying %s of stream %s", order.id(), events(order.storedRevision() + 1), stream);
        field("customer", order.customerId());
        field("status", order.status().toString());
        boolean first = true;
        for (OrderLine line : order.lines()) {
            field(first ? "items" : "", line.quantity() + " x " + line.productId() + " (" + line.productName() + ") at "
                    + line.unitPrice() + " = " + line.lineTotal());
            first = false;
        }
        field("total", order.total().toString());
        optional("payment", order.paymentId());
        if (order.trackingNumber() != null) {
            field("shipment", order.carrier() + ", tracking number " + order.trackingNumber());
        }
        optional("cancelled", order.cancellationReason());
        history(stream);
    }

    void customer(Customer customer) {
        String stream = CustomerAggregateType.INSTANCE.streamId(customer.id());
        console.line("Customer %s, rebuilt by replaying %s of stream %s", customer.id(), events(customer.storedRevision() + 1), stream);
        field("name", customer.name());
        field("email", customer.email());
        field("channel", customer.channel().toString());
        field("status", customer.isActive() ? "active" : "deactivated (" + customer.deactivationReason() + ")");
        history(stream);
    }

    void account(LoadedAggregate<Account> loaded) {
        Account account = loaded.aggregate();
        String stream = AccountAggregateType.INSTANCE.streamId(account.id());
        if (loaded.fromSnapshot()) {
            console.line("Account %s, restored from its snapshot at revision %d, then replaying %s of stream %s", account.id(),
                    loaded.snapshotRevision(), events(loaded.eventsReplayed()), stream);
        } else {
            console.line("Account %s, rebuilt by replaying %s of stream %s (no snapshot)", account.id(),
                    events(account.storedRevision() + 1), stream);
        }
        field("owner", account.owner());
        field("balance", account.balance().toString());
        field("status", account.isClosed() ? "closed" : "open");
        history(stream);
    }

    void transfer(MoneyTransfer transfer) {
        String stream = MoneyTransferAggregateType.INSTANCE.streamId(transfer.id());
        console.line("Transfer %s, rebuilt by replaying %s of stream %s", transfer.id(), events(transfer.storedRevision() + 1), stream);
        field("from", transfer.fromAccountId());
        field("to", transfer.toAccountId());
        field("amount", transfer.amount().toString());
        field("status", transfer.status().toString());
        optional("reason", transfer.failureReason());
        history(stream);
    }

    void warehouse(Warehouse warehouse) {
        console.line("Warehouse %s, rebuilt by replaying %s", warehouse.id(), events(warehouse.storedRevision() + 1));
        if (warehouse.availableStock().isEmpty()) {
            console.line("  (no stock yet: receive some with 'stock receive PRODUCT QUANTITY')");
        }
        for (Map.Entry<String, Integer> product : warehouse.availableStock().entrySet()) {
            console.line("  %-12s %5d available", product.getKey(), product.getValue());
        }
    }

    void warehouseHistory() {
        history(WarehouseAggregateType.INSTANCE.streamId(Warehouse.MAIN));
    }

    private static String events(long count) {
        return count == 1 ? "1 event" : count + " events";
    }

    private void field(String name, String value) {
        console.line("  %-10s %s", name, value);
    }

    private void optional(String name, String value) {
        if (value != null) {
            field(name, value);
        }
    }

    /** The stream's events as stored: revision, global position, time, stored type and schema version. */
    void history(String streamId) {
        console.line("  history:");
        console.line("    %-4s %-8s %-27s %s", "rev", "position", "occurred at (UTC)", "event");
        long revision = 0;
        while (true) {
            List<StoredEvent> batch = app.store().readStream(streamId, revision, HISTORY_BATCH);
            for (StoredEvent stored : batch) {
                EventEnvelope<Object> event = app.registry().envelope(stored);
                console.line("    %-4d %-8d %-27s %s v%d %s", event.streamRevision(), event.globalPosition(),
                        DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().truncatedTo(ChronoUnit.MILLIS)),
                        event.type(), event.schemaVersion(), event.payload());
            }
            if (batch.size() < HISTORY_BATCH) {
                return;
            }
            revision += batch.size();
        }
    }
}
