package io.factum.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three schema versions of the stored event {@code OrderCreated}, with hand-written codecs and
 * upcasters in the shape the processor generates:
 * v1 {@code (orderId, customer)} → v2 {@code (orderId, customerName, email)} → v3 {@code (orderId, customerName, email, channel)}.
 */
public final class VersionedOrderEvents {
    private VersionedOrderEvents() {}

    public static final String NAME = "OrderCreated";

    public record OrderCreatedV1(String orderId, String customer) {
        public OrderCreatedV1 {
            Objects.requireNonNull(orderId);
            Objects.requireNonNull(customer);
        }
    }

    /** v2 split "Name <email>" into two components. */
    public record OrderCreatedV2(String orderId, String customerName, String email) {
        public OrderCreatedV2 {
            Objects.requireNonNull(orderId);
            Objects.requireNonNull(customerName);
        }
    }

    /** v3 added the sales channel; old orders were all placed on the web. */
    public record OrderCreated(String orderId, String customerName, String email, String channel) {
        public OrderCreated {
            Objects.requireNonNull(orderId);
            Objects.requireNonNull(customerName);
            Objects.requireNonNull(channel);
        }
    }

    public static final EventType<OrderCreatedV1> V1 = new EventType<>(NAME, 1, OrderCreatedV1.class, new StringFieldsCodec<>(NAME,
            e -> fields("orderId", e.orderId(), "customer", e.customer()),
            m -> new OrderCreatedV1(m.get("orderId"), m.get("customer"))));

    public static final EventType<OrderCreatedV2> V2 = new EventType<>(NAME, 2, OrderCreatedV2.class, new StringFieldsCodec<>(NAME,
            e -> fields("orderId", e.orderId(), "customerName", e.customerName(), "email", e.email()),
            m -> new OrderCreatedV2(m.get("orderId"), m.get("customerName"), m.get("email"))));

    public static final EventType<OrderCreated> V3 = new EventType<>(NAME, 3, OrderCreated.class, new StringFieldsCodec<>(NAME,
            e -> fields("orderId", e.orderId(), "customerName", e.customerName(), "email", e.email(), "channel", e.channel()),
            m -> new OrderCreated(m.get("orderId"), m.get("customerName"), m.get("email"), m.get("channel"))));

    public static final List<EventType<?>> TYPES = List.of(V1, V2, V3);

    /** The user's upcaster methods. */
    public static OrderCreatedV2 upcast(OrderCreatedV1 old) {
        String customer = old.customer();
        int open = customer.indexOf(" <");
        return open < 0
                ? new OrderCreatedV2(old.orderId(), customer, null)
                : new OrderCreatedV2(old.orderId(), customer.substring(0, open), customer.substring(open + 2, customer.length() - 1));
    }

    public static OrderCreated upcast(OrderCreatedV2 old) {
        return new OrderCreated(old.orderId(), old.customerName(), old.email(), "web");
    }

    /** What the processor generates per {@code @Upcast} method; counts its calls. */
    public static final class V1Upcaster implements Upcaster<OrderCreatedV1, OrderCreatedV2> {
        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public Class<OrderCreatedV1> from() {
            return OrderCreatedV1.class;
        }

        @Override
        public Class<OrderCreatedV2> to() {
            return OrderCreatedV2.class;
        }

        @Override
        public OrderCreatedV2 upcast(OrderCreatedV1 event) {
            calls.incrementAndGet();
            return VersionedOrderEvents.upcast(event);
        }
    }

    public static final class V2Upcaster implements Upcaster<OrderCreatedV2, OrderCreated> {
        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public Class<OrderCreatedV2> from() {
            return OrderCreatedV2.class;
        }

        @Override
        public Class<OrderCreated> to() {
            return OrderCreated.class;
        }

        @Override
        public OrderCreated upcast(OrderCreatedV2 event) {
            calls.incrementAndGet();
            return VersionedOrderEvents.upcast(event);
        }
    }

    /** A registry of the three versions and both upcasters, as the generated module would provide. */
    public static EventTypeRegistry registry() {
        return EventTypeRegistry.ofTypes(TYPES, List.of(new V1Upcaster(), new V2Upcaster()));
    }

    /** An upcaster defined by a function, for the error cases. */
    record FunctionUpcaster<F, T>(Class<F> from, Class<T> to, java.util.function.Function<F, T> function) implements Upcaster<F, T> {
        @Override
        public T upcast(F event) {
            return function.apply(event);
        }
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }
}
