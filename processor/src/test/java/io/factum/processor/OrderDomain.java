package io.factum.processor;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A small order domain in package {@code test.ordering} that the functional tests compile with
 * the processor: a sealed family with a nested sealed interface, an aggregate that ignores one
 * event, and a handler.
 */
public final class OrderDomain {

    private OrderDomain() {}

    public static final JavaFileObject ORDER_EVENT = Compilations.source("test.ordering.OrderEvent",
            "package test.ordering;",
            "",
            "public sealed interface OrderEvent permits OrderCreated, OrderConfirmed, OrderRemark {}");

    /** Nested sealed interface: the family is found recursively. */
    public static final JavaFileObject ORDER_REMARK = Compilations.source("test.ordering.OrderRemark",
            "package test.ordering;",
            "",
            "public sealed interface OrderRemark extends OrderEvent permits OrderNoted {}");

    /** Version 2, so that stored version 1 goes through the registry (where upcasting plugs in). */
    public static final JavaFileObject ORDER_CREATED = Compilations.source("test.ordering.OrderCreated",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Event;",
            "",
            "@Event(version = 2)",
            "public record OrderCreated(String orderId, String customer) implements OrderEvent {}");

    /** A stored name that differs from the class name. */
    public static final JavaFileObject ORDER_CONFIRMED = Compilations.source("test.ordering.OrderConfirmed",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Event;",
            "",
            "@Event(name = \"order-confirmed\")",
            "public record OrderConfirmed(String orderId) implements OrderEvent {}");

    public static final JavaFileObject ORDER_NOTED = Compilations.source("test.ordering.OrderNoted",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Event;",
            "",
            "@Event",
            "public record OrderNoted(String note) implements OrderRemark {}");

    public static final JavaFileObject ORDER = Compilations.source("test.ordering.Order",
            "package test.ordering;",
            "",
            "import io.factum.aggregate.AggregateRoot;",
            "import io.factum.annotation.Aggregate;",
            "import io.factum.annotation.Apply;",
            "",
            "@Aggregate(ignores = OrderNoted.class)",
            "public class Order extends AggregateRoot<OrderEvent> {",
            "    private String id;",
            "    private String customer;",
            "    private String status = \"NEW\";",
            "",
            "    public void create(String id, String customer) {",
            "        if (this.id != null) {",
            "            throw new IllegalStateException(\"Order \" + this.id + \" already exists\");",
            "        }",
            "        record(new OrderCreated(id, customer));",
            "    }",
            "",
            "    public void confirm() {",
            "        if (!\"PENDING\".equals(status)) {",
            "            throw new IllegalStateException(\"Only pending orders can be confirmed\");",
            "        }",
            "        record(new OrderConfirmed(id));",
            "    }",
            "",
            "    public void note(String text) {",
            "        record(new OrderNoted(text));",
            "    }",
            "",
            "    @Override",
            "    public String id() {",
            "        return id;",
            "    }",
            "",
            "    @Apply",
            "    void on(OrderCreated event) {",
            "        id = event.orderId();",
            "        customer = event.customer();",
            "        status = \"PENDING\";",
            "    }",
            "",
            "    @Apply",
            "    void on(OrderConfirmed event) {",
            "        status = \"CONFIRMED\";",
            "    }",
            "",
            "    @Override",
            "    public String toString() {",
            "        return \"Order[\" + id + \", \" + customer + \", \" + status + \"]\";",
            "    }",
            "}");

    public static final JavaFileObject NOTIFICATIONS = Compilations.source("test.ordering.Notifications",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Subscribe;",
            "import io.factum.event.EventEnvelope;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "",
            "public class Notifications {",
            "    public final List<String> seen = new ArrayList<>();",
            "",
            "    @Subscribe",
            "    void onCreated(OrderCreated event) {",
            "        seen.add(\"onCreated \" + event.orderId());",
            "    }",
            "",
            "    @Subscribe",
            "    void onAny(OrderEvent event, EventEnvelope<OrderEvent> envelope) {",
            "        seen.add(\"onAny \" + event.getClass().getSimpleName() + \" at \" + envelope.streamRevision());",
            "    }",
            "",
            "    @Subscribe",
            "    void onRemark(OrderRemark remark, EventEnvelope<? extends OrderEvent> envelope) {",
            "        seen.add(\"onRemark \" + envelope.type());",
            "    }",
            "",
            "    @Subscribe",
            "    void on(OrderConfirmed event, EventEnvelope<?> envelope) throws Exception {",
            "        seen.add(\"on(OrderConfirmed) \" + event.orderId());",
            "    }",
            "",
            "    @Subscribe",
            "    void on(OrderNoted event) {",
            "        seen.add(\"on(OrderNoted) \" + event.note());",
            "    }",
            "}");

    /** Every source of the domain, with the stand-in codecs (see {@link TestCodecs}). */
    public static List<JavaFileObject> sources() {
        List<JavaFileObject> sources = new ArrayList<>(List.of(
                ORDER_EVENT, ORDER_REMARK, ORDER_CREATED, ORDER_CONFIRMED, ORDER_NOTED, ORDER, NOTIFICATIONS));
        sources.addAll(codecs());
        return sources;
    }

    public static List<JavaFileObject> codecs() {
        List<JavaFileObject> codecs = new ArrayList<>();
        codecs.addAll(TestCodecs.forStringRecord("test.ordering", "OrderCreated", "orderId", "customer"));
        codecs.addAll(TestCodecs.forStringRecord("test.ordering", "OrderConfirmed", "orderId"));
        codecs.addAll(TestCodecs.forStringRecord("test.ordering", "OrderNoted", "note"));
        return codecs;
    }
}
