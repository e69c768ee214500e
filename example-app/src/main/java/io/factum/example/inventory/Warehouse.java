package io.factum.example.inventory;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import io.factum.example.shared.Ids;
import io.factum.example.shared.RuleViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Inventory context's one aggregate: free stock per product and what is reserved for which
 * order. One aggregate for the whole warehouse, so that an order's lines are reserved all or nothing
 * in one append.
 *
 * <p>Inventory hears about orders only through Ordering's events, delivered at least once; it
 * remembers, per order, the last order revision it reacted to and ignores anything older.
 */
@Aggregate(name = "Warehouse")
public class Warehouse extends AggregateRoot<WarehouseEvent> {

    /** The id of the one warehouse the example runs. */
    public static final String MAIN = "main";

    private String id;
    private final Map<String, Integer> available = new TreeMap<>();
    private final Map<String, Map<String, Integer>> reservedByOrder = new HashMap<>();
    private final Map<String, Long> lastOrderRevision = new HashMap<>();

    /** An empty warehouse, for replay and for the first delivery. */
    public Warehouse() {}

    /** A warehouse with no history yet: the first {@link #receive} creates its stream. */
    public static Warehouse empty(String warehouseId) {
        Warehouse warehouse = new Warehouse();
        warehouse.id = warehouseId;
        return warehouse;
    }

    /** Puts goods on the shelf. */
    public void receive(String productId, int quantity) {
        Ids.require("product", productId);
        if (quantity < 1) {
            throw new RuleViolation("Received quantity must be at least 1, was " + quantity);
        }
        record(new StockReceived(id, productId, quantity));
    }

    /** Whether the order event at {@code orderRevision} was already handled. */
    public boolean hasHandled(String orderId, long orderRevision) {
        return lastOrderRevision.getOrDefault(orderId, -1L) >= orderRevision;
    }

    /**
     * Reserves {@code lines} for an order, all or nothing: if any product is short, records a
     * refusal naming every shortage instead.
     */
    public void reserve(String orderId, long orderRevision, List<StockLine> lines) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (StockLine line : lines) {
            wanted.merge(line.productId(), line.quantity(), Integer::sum);
        }
        List<Shortage> shortages = new ArrayList<>();
        wanted.forEach((product, quantity) -> {
            int free = available(product);
            if (free < quantity) {
                shortages.add(new Shortage(product, quantity, free));
            }
        });
        if (shortages.isEmpty()) {
            record(new StockReserved(id, orderId, orderRevision, List.copyOf(lines)));
        } else {
            record(new StockReservationRefused(id, orderId, orderRevision, shortages));
        }
    }

    /** Releases everything reserved for an order; records nothing if nothing is reserved. */
    public void release(String orderId, long orderRevision) {
        Map<String, Integer> reserved = reservedByOrder.getOrDefault(orderId, Map.of());
        if (reserved.isEmpty()) {
            return;
        }
        List<StockLine> lines = new ArrayList<>();
        reserved.forEach((product, quantity) -> lines.add(new StockLine(product, quantity)));
        record(new StockReleased(id, orderId, orderRevision, lines));
    }

    @Apply
    void on(StockReceived event) {
        id = event.warehouseId();
        available.merge(event.productId(), event.quantity(), Integer::sum);
    }

    @Apply
    void on(StockReserved event) {
        id = event.warehouseId();
        Map<String, Integer> reserved = reservedByOrder.computeIfAbsent(event.orderId(), order -> new TreeMap<>());
        for (StockLine line : event.lines()) {
            available.merge(line.productId(), -line.quantity(), Integer::sum);
            reserved.merge(line.productId(), line.quantity(), Integer::sum);
        }
        lastOrderRevision.put(event.orderId(), event.orderRevision());
    }

    @Apply
    void on(StockReservationRefused event) {
        id = event.warehouseId();
        lastOrderRevision.put(event.orderId(), event.orderRevision());
    }

    @Apply
    void on(StockReleased event) {
        id = event.warehouseId();
        Map<String, Integer> reserved = reservedByOrder.getOrDefault(event.orderId(), new TreeMap<>());
        for (StockLine line : event.lines()) {
            available.merge(line.productId(), line.quantity(), Integer::sum);
            reserved.merge(line.productId(), -line.quantity(), Integer::sum);
        }
        reserved.values().removeIf(quantity -> quantity == 0);
        if (reserved.isEmpty()) {
            reservedByOrder.remove(event.orderId());
        }
        lastOrderRevision.put(event.orderId(), event.orderRevision());
    }

    @Override
    public String id() {
        return id;
    }

    /** Free units of {@code productId}. */
    public int available(String productId) {
        return available.getOrDefault(productId, 0);
    }

    /** Free units per product, sorted by product id. */
    public Map<String, Integer> availableStock() {
        return Collections.unmodifiableMap(available);
    }

    /** Units reserved for {@code orderId} per product. */
    public Map<String, Integer> reservedFor(String orderId) {
        return Collections.unmodifiableMap(reservedByOrder.getOrDefault(orderId, Map.of()));
    }
}
