package io.factum.processor.subscriber;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.bus.EventBus;
import io.factum.bus.EventPublisher;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import io.factum.store.Metadata;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated routers (and subscribers) for handlers the ordinary sources do not cover: a method taking a family
 * overloaded by one taking a member record, with the router in another package than the handler.
 */
class RouterEdgeCasesTest {

    @TempDir
    Path classes;

    /** {@code on(OrderEvent)} and {@code on(OrderConfirmed)}: the family method must get the family call. */
    private static final JavaFileObject OVERLOADED = Compilations.source("test.ordering.handlers.Overloaded",
            "package test.ordering.handlers;",
            "",
            "import io.factum.annotation.Subscribe;",
            "import io.factum.event.EventEnvelope;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import test.ordering.OrderConfirmed;",
            "import test.ordering.OrderEvent;",
            "",
            "public class Overloaded {",
            "    public final List<String> seen = new ArrayList<>();",
            "",
            "    @Subscribe",
            "    public void on(OrderEvent event) {",
            "        seen.add(\"family \" + event.getClass().getSimpleName());",
            "    }",
            "",
            "    @Subscribe",
            "    public void on(OrderConfirmed event) {",
            "        seen.add(\"member \" + event.orderId());",
            "    }",
            "",
            "    @Subscribe",
            "    public void with(OrderEvent event, EventEnvelope<?> envelope) {",
            "        seen.add(\"family with \" + envelope.streamRevision());",
            "    }",
            "",
            "    @Subscribe",
            "    public void with(OrderConfirmed event, EventEnvelope<?> envelope) {",
            "        seen.add(\"member with \" + envelope.streamRevision());",
            "    }",
            "}");

    private static final JavaFileObject ROUTING = Compilations.source("test.routing.Routing",
            "package test.routing;",
            "",
            "@io.factum.annotation.EventRouter(handlers = test.ordering.handlers.Overloaded.class)",
            "interface Routing {}");

    @Test
    void aFamilyMethodOverloadedByAMemberMethodIsCalledForTheFamilyAsWellAsTheMemberMethod() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(OrderDomain.sources());
        sources.addAll(List.of(OVERLOADED, ROUTING));
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeeded();
        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            Class<?> handlerClass = loader.loadClass("test.ordering.handlers.Overloaded");
            Object handler = handlerClass.getConstructor().newInstance();
            EventPublisher router = (EventPublisher) loader.loadClass("test.routing.RoutingRouter")
                    .getConstructor(handlerClass).newInstance(handler);

            Object confirmed = RouterSources.record(loader, "test.ordering.OrderConfirmed", "o-1");
            router.publish(new EventEnvelope<>(UUID.randomUUID(), "Order-o-1", 3, 7, "OrderConfirmed", 1, Instant.EPOCH,
                    Metadata.empty(), confirmed));

            assertThat(RouterSources.seen(handler)).containsExactly(
                    "family OrderConfirmed", "member o-1", "family with 3", "member with 3");

            Object subscribed = handlerClass.getConstructor().newInstance();
            SynchronousEventBus bus = new SynchronousEventBus();
            loader.loadClass("test.ordering.handlers.OverloadedSubscribers").getMethod("register", EventBus.class, handlerClass)
                    .invoke(null, bus, subscribed);
            bus.publish(new EventEnvelope<>(UUID.randomUUID(), "Order-o-1", 3, 7, "OrderConfirmed", 1, Instant.EPOCH,
                    Metadata.empty(), confirmed));
            assertThat(RouterSources.seen(subscribed)).as("the generated subscribers, on the bus")
                    .containsExactly("family OrderConfirmed", "member o-1", "family with 3", "member with 3");
        }
    }

    @Test
    void aHandlerMethodThrowingThrowableIsRefusedByNameInsteadOfGeneratingCodeThatDoesNotCompile() {
        JavaFileObject outer = Compilations.source("test.ordering.handlers.Outer",
                "package test.ordering.handlers;",
                "",
                "import io.factum.annotation.Subscribe;",
                "import test.ordering.OrderConfirmed;",
                "",
                "public class Outer {",
                "    public static class Inner {",
                "        @Subscribe",
                "        public void on(OrderConfirmed event) throws Throwable {}",
                "    }",
                "}");
        JavaFileObject routing = Compilations.source("test.routing.Routing",
                "package test.routing;",
                "",
                "@io.factum.annotation.EventRouter(handlers = test.ordering.handlers.Outer.Inner.class)",
                "interface Routing {}");
        List<JavaFileObject> sources = new ArrayList<>(OrderDomain.sources());
        sources.addAll(List.of(outer, routing));
        Compilation compilation = Compilations.compile(List.of(), sources);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[Factum/SubscribeThrowsThrowable] @Subscribe method on(OrderConfirmed)"
                + " declares `throws java.lang.Throwable`").inFile(outer).onLine(9);
        assertThat(compilation).hadErrorContaining("test.ordering.handlers.Outer.Inner").inFile(routing).onLine(3);
    }
}
