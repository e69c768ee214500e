package io.factum.processor.subscriber;

import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The order domain with two routers: {@code OrderRouting} over {@code Audit} and {@code Notifications}
 * (extending {@code EventPublisher}), and the empty {@code FailingRouting} over {@code Failing} and {@code Audit}.
 */
public final class RouterSources {

    /** Writes to a log it is given, so that the order across handlers shows. */
    static final JavaFileObject AUDIT = Compilations.source("test.ordering.Audit",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Subscribe;",
            "import java.util.List;",
            "",
            "public class Audit {",
            "    private final List<String> seen;",
            "",
            "    public Audit(List<String> seen) {",
            "        this.seen = seen;",
            "    }",
            "",
            "    @Subscribe",
            "    public void confirmed(OrderConfirmed event) {",
            "        seen.add(\"audit confirmed \" + event.orderId());",
            "    }",
            "",
            "    @Subscribe",
            "    void any(OrderEvent event) {",
            "        seen.add(\"audit \" + event.getClass().getSimpleName());",
            "    }",
            "}");

    /** A handler whose subscribers fail, with a checked and with an unchecked exception. */
    static final JavaFileObject FAILING = Compilations.source("test.ordering.Failing",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Subscribe;",
            "import java.io.IOException;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "",
            "public class Failing {",
            "    public final List<String> seen = new ArrayList<>();",
            "",
            "    @Subscribe",
            "    void mail(OrderConfirmed event) throws IOException {",
            "        seen.add(\"mail\");",
            "        throw new IOException(\"mail server down\");",
            "    }",
            "",
            "    @Subscribe",
            "    void project(OrderNoted event) {",
            "        seen.add(\"project\");",
            "        throw new IllegalStateException(\"projection out of sync\");",
            "    }",
            "}");

    static final JavaFileObject ORDER_ROUTING = Compilations.source("test.ordering.OrderRouting",
            "package test.ordering;",
            "",
            "import io.factum.annotation.EventRouter;",
            "import io.factum.bus.EventPublisher;",
            "",
            "@EventRouter(handlers = {Audit.class, Notifications.class})",
            "public interface OrderRouting extends EventPublisher {}");

    /** A handler whose subscribers fail, with a checked and with an unchecked exception. */
    static final JavaFileObject FAILING_ROUTING = Compilations.source("test.ordering.FailingRouting",
            "package test.ordering;",
            "",
            "@io.factum.annotation.EventRouter(handlers = {Failing.class, Audit.class})",
            "interface FailingRouting {}");

    private RouterSources() {}

    /** The order domain, its handlers and both routers. */
    public static List<JavaFileObject> sources() {
        List<JavaFileObject> sources = new ArrayList<>(OrderDomain.sources());
        sources.addAll(List.of(AUDIT, FAILING, ORDER_ROUTING, FAILING_ROUTING));
        return sources;
    }

    /** A record of the compiled domain whose components are all strings. */
    static Object record(ClassLoader loader, String className, String... components) throws Exception {
        Class<?> record = loader.loadClass(className);
        Class<?>[] types = new Class<?>[components.length];
        Arrays.fill(types, String.class);
        return record.getConstructor(types).newInstance((Object[]) components);
    }

    /** The public {@code seen} log of a compiled handler. */
    @SuppressWarnings("unchecked")
    static List<String> seen(Object handler) throws Exception {
        return (List<String>) handler.getClass().getField("seen").get(handler);
    }
}
