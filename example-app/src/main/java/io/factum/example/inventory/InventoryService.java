package io.factum.example.inventory;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventEnvelope;
import io.factum.store.Metadata;
import java.util.List;

/** The Inventory context's own commands and queries. */
public final class InventoryService {

    private final AggregateRepository<Warehouse, WarehouseEvent> warehouses;

    public InventoryService(AggregateRepository<Warehouse, WarehouseEvent> warehouses) {
        this.warehouses = warehouses;
    }

    /** Puts {@code quantity} units of a product on the shelf of the main warehouse. */
    public List<EventEnvelope<WarehouseEvent>> receive(String productId, int quantity) {
        Warehouse warehouse = warehouse();
        warehouse.receive(productId, quantity);
        return warehouses.save(warehouse, Metadata.empty());
    }

    /** The main warehouse rebuilt from its events (empty if nothing happened yet). */
    public Warehouse warehouse() {
        return warehouses.find(Warehouse.MAIN).orElseGet(() -> Warehouse.empty(Warehouse.MAIN));
    }
}
