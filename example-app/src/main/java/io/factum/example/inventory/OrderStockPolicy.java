package io.factum.example.inventory;

import io.factum.aggregate.AggregateRepository;
import io.factum.annotation.Subscribe;
import io.factum.event.EventEnvelope;
import io.factum.example.app.Narrator;
import io.factum.example.ordering.OrderCancelled;
import io.factum.example.ordering.OrderCreated;
import io.factum.example.ordering.OrderItemAdded;
import io.factum.example.ordering.OrderLine;
import io.factum.store.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inventory's reactions to Ordering: reserve stock when an order is created or grows, release it
 * when the order is cancelled. A shortage is not an exception but a fact, recorded as
 * {@link StockReservationRefused} for Ordering to react to.
 *
 * <p>Runs on a durable subscription, so an event may come twice; the warehouse remembers the last
 * order revision it handled and ignores repeats.
 */
public final class OrderStockPolicy {

    private final AggregateRepository<Warehouse, WarehouseEvent> warehouses;
    private final Narrator narrator;

    public OrderStockPolicy(AggregateRepository<Warehouse, WarehouseEvent> warehouses, Narrator narrator) {
        this.warehouses = warehouses;
        this.narrator = narrator;
    }

    @Subscribe
    void on(OrderCreated created, EventEnvelope<OrderCreated> envelope) {
        reserve(created.orderId(), created.items(), envelope);
    }

    @Subscribe
    void on(OrderItemAdded added, EventEnvelope<OrderItemAdded> envelope) {
        reserve(added.orderId(), List.of(added.item()), envelope);
    }

    @Subscribe
    void on(OrderCancelled cancelled, EventEnvelope<OrderCancelled> envelope) {
        Warehouse warehouse = warehouse();
        if (warehouse.hasHandled(cancelled.orderId(), envelope.streamRevision())) {
            return;
        }
        Map<String, Integer> reserved = Map.copyOf(warehouse.reservedFor(cancelled.orderId()));
        warehouse.release(cancelled.orderId(), envelope.streamRevision());
        warehouses.save(warehouse, Metadata.causedBy(envelope));
        if (!reserved.isEmpty()) {
            narrator.reaction("Inventory", "released " + describe(reserved) + " of cancelled order " + cancelled.orderId());
        }
    }

    private void reserve(String orderId, List<OrderLine> items, EventEnvelope<?> envelope) {
        Warehouse warehouse = warehouse();
        if (warehouse.hasHandled(orderId, envelope.streamRevision())) {
            return;
        }
        List<StockLine> lines = new ArrayList<>();
        for (OrderLine item : items) {
            lines.add(new StockLine(item.productId(), item.quantity()));
        }
        warehouse.reserve(orderId, envelope.streamRevision(), lines);
        List<EventEnvelope<WarehouseEvent>> saved = warehouses.save(warehouse, Metadata.causedBy(envelope));
        WarehouseEvent outcome = saved.get(saved.size() - 1).payload();
        if (outcome instanceof StockReservationRefused refused) {
            narrator.reaction("Inventory", "refused order " + orderId + ": short of "
                    + String.join(", ", refused.shortages().stream().map(Shortage::toString).toList()));
        } else {
            narrator.reaction("Inventory", "reserved " + describeLines(lines) + " for order " + orderId);
        }
    }

    private Warehouse warehouse() {
        return warehouses.find(Warehouse.MAIN).orElseGet(() -> Warehouse.empty(Warehouse.MAIN));
    }

    private static String describeLines(List<StockLine> lines) {
        return String.join(", ", lines.stream().map(line -> line.quantity() + " x " + line.productId()).toList());
    }

    private static String describe(Map<String, Integer> quantities) {
        return String.join(", ", quantities.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " x " + e.getKey()).toList());
    }
}
