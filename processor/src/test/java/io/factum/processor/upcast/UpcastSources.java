package io.factum.processor.upcast;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.factum.processor.FactumProcessor;
import java.util.List;
import javax.tools.JavaFileObject;

/** Sources and compiler setup shared by the upcasting tests. */
public final class UpcastSources {
    private UpcastSources() {}

    /** {@code package com.example;} + imports + {@code body} as {@code com.example.<name>}. */
    public static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("com.example." + name, """
                package com.example;

                import io.factum.annotation.*;
                import io.factum.aggregate.AggregateRoot;
                import java.util.*;

                """ + body);
    }

    /** Three versions of OrderCreated, as a developer keeps them after two shape changes. */
    public static final JavaFileObject V1 = source("OrderCreatedV1", """
            @Event(name = "OrderCreated", version = 1)
            public record OrderCreatedV1(String orderId, String customer) {}
            """);

    public static final JavaFileObject V2 = source("OrderCreatedV2", """
            @Event(name = "OrderCreated", version = 2)
            public record OrderCreatedV2(String orderId, String customerName, String email) {}
            """);

    public static final JavaFileObject V3 = source("OrderCreated", """
            @Event(name = "OrderCreated", version = 3)
            public record OrderCreated(String orderId, String customerName, String email, String channel) {}
            """);

    /** Both steps, package-private, in one class of their own. */
    public static final JavaFileObject UPCASTS = source("OrderUpcasts", """
            final class OrderUpcasts {
                private OrderUpcasts() {}

                @Upcast
                static OrderCreatedV2 splitCustomer(OrderCreatedV1 old) {
                    int open = old.customer().indexOf(" <");
                    return open < 0
                            ? new OrderCreatedV2(old.orderId(), old.customer(), null)
                            : new OrderCreatedV2(old.orderId(), old.customer().substring(0, open),
                                    old.customer().substring(open + 2, old.customer().length() - 1));
                }

                @Upcast
                static OrderCreated addChannel(OrderCreatedV2 old) {
                    return new OrderCreated(old.orderId(), old.customerName(), old.email(), "web");
                }
            }
            """);

    public static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    public static Compilation compile(List<String> options, JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new FactumProcessor())
                .withOptions(options)
                .compile(sources);
    }
}
