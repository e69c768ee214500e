package io.factum.processor.subscriber;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.bus.EventBus;
import io.factum.bus.EventPublisher;
import io.factum.bus.SubscriberException;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.processor.Compilations;
import io.factum.store.Metadata;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the order domain with two {@code @EventRouter} interfaces and runs the generated routers: they must
 * deliver exactly what the {@link SynchronousEventBus} delivers to the same handlers' generated subscribers.
 */
class RouterFunctionalTest {

    @TempDir
    static Path classes;

    private static URLClassLoader loader;
    private static Class<?> audit;
    private static Class<?> notifications;
    private static Class<?> failing;
    private static Class<?> orderRouter;
    private static Class<?> failingRouter;

    @BeforeAll
    static void compileAndLoad() throws Exception {
        Compilation compilation = Compilations.compile(List.of(), RouterSources.sources());
        assertThat(compilation).succeededWithoutWarnings();
        loader = Compilations.classLoader(compilation, classes);
        audit = loader.loadClass("test.ordering.Audit");
        notifications = loader.loadClass("test.ordering.Notifications");
        failing = loader.loadClass("test.ordering.Failing");
        orderRouter = loader.loadClass("test.ordering.OrderRoutingRouter");
        failingRouter = loader.loadClass("test.ordering.FailingRoutingRouter");
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @Test
    void deliversInHandlerOrderThenDeclarationOrderLikeTheBus() throws Exception {
        Object handler = notifications.getConstructor().newInstance();
        List<String> seen = seen(handler);
        EventPublisher router = (EventPublisher) orderRouter.getConstructor(audit, notifications)
                .newInstance(audit.getConstructor(List.class).newInstance(seen), handler);

        publishOneOfEach(router);

        assertThat(seen).containsExactly(
                "audit OrderCreated", "onCreated o-1", "onAny OrderCreated at 0",
                "audit confirmed o-1", "audit OrderConfirmed", "onAny OrderConfirmed at 1", "on(OrderConfirmed) o-1",
                "audit OrderNoted", "onAny OrderNoted at 2", "onRemark OrderNoted", "on(OrderNoted) ring twice");
        assertThat(seen).containsExactlyElementsOf(throughTheBus());
    }

    /** The same handlers subscribed through their generated {@code <Handler>Subscribers}, in the same order. */
    private static List<String> throughTheBus() throws Exception {
        Object handler = notifications.getConstructor().newInstance();
        List<String> seen = seen(handler);
        SynchronousEventBus bus = new SynchronousEventBus();
        loader.loadClass("test.ordering.AuditSubscribers").getMethod("register", EventBus.class, audit)
                .invoke(null, bus, audit.getConstructor(List.class).newInstance(seen));
        loader.loadClass("test.ordering.NotificationsSubscribers").getMethod("register", EventBus.class, notifications)
                .invoke(null, bus, handler);
        publishOneOfEach(bus);
        return seen;
    }

    private static void publishOneOfEach(EventPublisher publisher) throws Exception {
        publisher.publish(envelope(0, record("test.ordering.OrderCreated", "o-1", "alice")));
        publisher.publish(envelope(1, record("test.ordering.OrderConfirmed", "o-1")));
        publisher.publish(envelope(2, record("test.ordering.OrderNoted", "ring twice")));
    }

    @Test
    void theInterfaceAndPublishEventWork() throws Exception {
        Object handler = notifications.getConstructor().newInstance();
        Object router = orderRouter.getConstructor(audit, notifications)
                .newInstance(audit.getConstructor(List.class).newInstance(seen(handler)), handler);

        assertThat(router).isInstanceOf(loader.loadClass("test.ordering.OrderRouting"));
        ((EventPublisher) router).publishEvent(record("test.ordering.OrderNoted", "local"));

        assertThat(seen(handler)).containsExactly(
                "audit OrderNoted", "onAny OrderNoted at 0", "onRemark OrderNoted", "on(OrderNoted) local");
    }

    @Test
    void aCheckedExceptionIsWrappedWithTheSubscriberNameAndStopsThePublish() throws Exception {
        Object failed = failing.getConstructor().newInstance();
        List<String> seen = seen(failed);
        EventPublisher router = failingRouter(failed, audit.getConstructor(List.class).newInstance(seen));
        EventEnvelope<Object> confirmed = envelope(0, record("test.ordering.OrderConfirmed", "o-1"));

        assertThatThrownBy(() -> router.publish(confirmed))
                .isInstanceOfSatisfying(SubscriberException.class, e -> {
                    assertThat(e.subscriberName()).isEqualTo("Failing.mail");
                    assertThat(e.envelope()).isSameAs(confirmed);
                })
                .cause().isInstanceOf(IOException.class).hasMessage("mail server down");
        assertThat(seen).containsExactly("mail");
    }

    @Test
    void anUncheckedExceptionPropagatesUnchangedAndStopsThePublish() throws Exception {
        Object failed = failing.getConstructor().newInstance();
        List<String> seen = seen(failed);
        EventPublisher router = failingRouter(failed, audit.getConstructor(List.class).newInstance(seen));

        assertThatThrownBy(() -> router.publish(envelope(0, record("test.ordering.OrderNoted", "x"))))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("projection out of sync");
        router.publish(envelope(1, record("test.ordering.OrderCreated", "o-1", "alice")));
        assertThat(seen).containsExactly("project", "audit OrderCreated");
    }

    @Test
    void unhandledPayloadsAreIgnoredOrPassedToOnUnhandled() throws Exception {
        Object failed = failing.getConstructor().newInstance();
        List<String> seen = seen(failed);
        Object auditor = audit.getConstructor(List.class).newInstance(seen);
        List<EventEnvelope<?>> unhandled = new ArrayList<>();
        EventPublisher reporting = (EventPublisher) failingRouter.getConstructor(failing, audit, Consumer.class)
                .newInstance(failed, auditor, (Consumer<EventEnvelope<?>>) unhandled::add);
        EventEnvelope<Object> text = envelope(0, "not an event");
        EventEnvelope<Object> unrelated = envelope(1, List.of("o-1"));

        failingRouter(failed, auditor).publish(text);
        reporting.publish(text);
        reporting.publish(unrelated);

        assertThat(unhandled).containsExactly(text, unrelated);
        assertThat(seen).isEmpty();
    }

    @Test
    void nullArgumentsAreRejectedByName() throws Exception {
        Object failed = failing.getConstructor().newInstance();
        Object auditor = audit.getConstructor(List.class).newInstance(new ArrayList<String>());
        Constructor<?> reporting = failingRouter.getConstructor(failing, audit, Consumer.class);

        assertThatThrownBy(() -> construct(reporting, failed, null, (Consumer<Object>) envelope -> {}))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("audit (a test.ordering.Audit) must not be null");
        assertThatThrownBy(() -> construct(failingRouter.getConstructor(failing, audit), null, auditor))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("failing (a test.ordering.Failing) must not be null");
        assertThatThrownBy(() -> construct(reporting, failed, auditor, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("onUnhandled must not be null");
        assertThatThrownBy(() -> failingRouter(failed, auditor).publish(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("envelope");
    }

    private static EventPublisher failingRouter(Object failed, Object auditor) throws Exception {
        return (EventPublisher) failingRouter.getConstructor(failing, audit).newInstance(failed, auditor);
    }

    private static Object construct(Constructor<?> constructor, Object... arguments) throws Throwable {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static EventEnvelope<Object> envelope(long revision, Object payload) {
        return new EventEnvelope<>(UUID.randomUUID(), "Order-o-1", revision, revision, payload.getClass().getSimpleName(), 1,
                Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(), payload);
    }

    private static Object record(String className, String... components) throws Exception {
        return RouterSources.record(loader, className, components);
    }

    private static List<String> seen(Object handler) throws Exception {
        return RouterSources.seen(handler);
    }
}
