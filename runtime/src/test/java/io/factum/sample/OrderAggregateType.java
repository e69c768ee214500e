package io.factum.sample;

import io.factum.aggregate.AggregateType;
import io.factum.codec.Json;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.store.StoredEvent;
import java.util.List;

/** What the processor will generate for {@link Order}, written by hand: direct calls only. */
public final class OrderAggregateType implements AggregateType<Order, OrderEvent> {

    public static final OrderAggregateType INSTANCE = new OrderAggregateType();

    public static final EventType<OrderPlaced> ORDER_PLACED =
            new EventType<>("OrderPlaced", 1, OrderPlaced.class, SampleCodecs.ORDER_PLACED);
    public static final EventType<ItemAdded> ITEM_ADDED =
            new EventType<>("ItemAdded", 1, ItemAdded.class, SampleCodecs.ITEM_ADDED);
    public static final EventType<OrderConfirmed> ORDER_CONFIRMED =
            new EventType<>("OrderConfirmed", 1, OrderConfirmed.class, SampleCodecs.ORDER_CONFIRMED);
    public static final EventType<OrderCancelled> ORDER_CANCELLED =
            new EventType<>("OrderCancelled", 1, OrderCancelled.class, SampleCodecs.ORDER_CANCELLED);

    /** Every event type of the sample, as a generated module would list them. */
    public static final List<EventType<?>> EVENT_TYPES = List.of(ITEM_ADDED, ORDER_CANCELLED, ORDER_CONFIRMED, ORDER_PLACED);

    private OrderAggregateType() {}

    @Override
    public String name() {
        return "Order";
    }

    @Override
    public Class<Order> aggregateClass() {
        return Order.class;
    }

    @Override
    public Class<OrderEvent> eventFamily() {
        return OrderEvent.class;
    }

    @Override
    public Order newInstance() {
        return new Order();
    }

    @Override
    public void apply(Order aggregate, OrderEvent event) {
        if (event instanceof OrderPlaced e) {
            aggregate.on(e);
        } else if (event instanceof ItemAdded e) {
            aggregate.on(e);
        } else if (event instanceof OrderConfirmed e) {
            aggregate.on(e);
        } else if (event instanceof OrderCancelled e) {
            aggregate.on(e);
        }
    }

    @Override
    public void replay(Order aggregate, StoredEvent event, EventTypeRegistry registry) {
        if (event.schemaVersion() == 1) {
            switch (event.type()) {
                case "OrderPlaced" -> {
                    aggregate.on(Json.decode(SampleCodecs.ORDER_PLACED, event));
                    return;
                }
                case "ItemAdded" -> {
                    aggregate.on(Json.decode(SampleCodecs.ITEM_ADDED, event));
                    return;
                }
                case "OrderConfirmed" -> {
                    aggregate.on(Json.decode(SampleCodecs.ORDER_CONFIRMED, event));
                    return;
                }
                case "OrderCancelled" -> {
                    aggregate.on(Json.decode(SampleCodecs.ORDER_CANCELLED, event));
                    return;
                }
                default -> { }
            }
        }
        Object decoded = registry.decode(event);
        if (decoded instanceof OrderEvent orderEvent) {
            apply(aggregate, orderEvent);
        } else {
            throw new UnknownEventTypeException(event, "it is not an event of aggregate Order");
        }
    }
}
