package io.factum.example.app;

import io.factum.annotation.Subscribe;
import io.factum.event.EventEnvelope;
import io.factum.example.banking.AccountEvent;
import io.factum.example.banking.TransferEvent;
import io.factum.example.inventory.WarehouseEvent;
import io.factum.example.ordering.CustomerEvent;
import io.factum.example.ordering.OrderEvent;
import java.util.function.Consumer;

/**
 * A synchronous subscriber on the in-process bus: it sees every event right after it is
 * committed, in the thread that saved it, and hands it to the console. Each method takes a whole
 * sealed family, so a new event in a family is logged without touching this class.
 */
public final class ActivityLog {

    private final Consumer<EventEnvelope<?>> sink;

    public ActivityLog(Consumer<EventEnvelope<?>> sink) {
        this.sink = sink;
    }

    @Subscribe
    void on(OrderEvent event, EventEnvelope<OrderEvent> envelope) {
        sink.accept(envelope);
    }

    @Subscribe
    void on(CustomerEvent event, EventEnvelope<CustomerEvent> envelope) {
        sink.accept(envelope);
    }

    @Subscribe
    void on(WarehouseEvent event, EventEnvelope<WarehouseEvent> envelope) {
        sink.accept(envelope);
    }

    @Subscribe
    void on(AccountEvent event, EventEnvelope<AccountEvent> envelope) {
        sink.accept(envelope);
    }

    @Subscribe
    void on(TransferEvent event, EventEnvelope<TransferEvent> envelope) {
        sink.accept(envelope);
    }
}
