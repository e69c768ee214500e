package io.factum.processor.subscriber;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.bus.EventBus;
import io.factum.bus.Registration;
import io.factum.bus.SubscriberException;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import io.factum.store.Metadata;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the order domain's handler and runs the generated {@code NotificationsSubscribers} against a bus:
 * a minimal one that calls each link's {@code handle}, and the {@link SynchronousEventBus}, which chains the
 * generated links.
 */
class SubscriberFunctionalTest {

    @TempDir
    static Path classes;

    private static URLClassLoader loader;
    private static Class<?> handlerClass;
    private static Method register;
    private static Class<?> failingClass;
    private static Method registerFailing;

    @BeforeAll
    static void compileAndLoad() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(OrderDomain.sources());
        sources.add(RouterSources.FAILING);
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        loader = Compilations.classLoader(compilation, classes);
        handlerClass = loader.loadClass("test.ordering.Notifications");
        register = loader.loadClass("test.ordering.NotificationsSubscribers").getMethod("register", EventBus.class, handlerClass);
        failingClass = loader.loadClass("test.ordering.Failing");
        registerFailing = loader.loadClass("test.ordering.FailingSubscribers").getMethod("register", EventBus.class, failingClass);
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @Test
    void subscribesEachMethodToEachRecordInDeclarationOrder() throws Exception {
        RecordingBus bus = new RecordingBus();
        register.invoke(null, bus, handlerClass.getConstructor().newInstance());

        assertThat(bus.names()).containsExactly(
                "Notifications.onCreated <- OrderCreated",
                "Notifications.onAny <- OrderCreated",
                "Notifications.onAny <- OrderConfirmed",
                "Notifications.onAny <- OrderNoted",
                "Notifications.onRemark <- OrderNoted",
                "Notifications.on(OrderConfirmed) <- OrderConfirmed",
                "Notifications.on(OrderNoted) <- OrderNoted");
    }

    @Test
    void deliversPayloadAndEnvelopeToTheMethods() throws Exception {
        RecordingBus bus = new RecordingBus();
        Object handler = handlerClass.getConstructor().newInstance();
        register.invoke(null, bus, handler);

        bus.publish(envelope(0, "OrderCreated", record("test.ordering.OrderCreated", "o-1", "alice")));
        bus.publish(envelope(1, "order-confirmed", record("test.ordering.OrderConfirmed", "o-1")));
        bus.publish(envelope(2, "OrderNoted", record("test.ordering.OrderNoted", "ring twice")));

        assertThat(seen(handler)).containsExactly(
                "onCreated o-1",
                "onAny OrderCreated at 0",
                "onAny OrderConfirmed at 1",
                "on(OrderConfirmed) o-1",
                "onAny OrderNoted at 2",
                "onRemark OrderNoted",
                "on(OrderNoted) ring twice");
    }

    @Test
    void closingTheRegistrationUnsubscribesEverything() throws Exception {
        RecordingBus bus = new RecordingBus();
        Object handler = handlerClass.getConstructor().newInstance();
        Registration registration = (Registration) register.invoke(null, bus, handler);

        registration.close();
        bus.publish(envelope(0, "OrderCreated", record("test.ordering.OrderCreated", "o-1", "alice")));

        assertThat(bus.subscribers).isEmpty();
        assertThat(seen(handler)).isEmpty();
    }

    @Test
    void aFailingSubscribeLeavesNothingHalfSubscribed() throws Exception {
        RecordingBus failing = new RecordingBus() {
            @Override
            public <E> Registration subscribe(String name, Class<E> eventClass, io.factum.bus.EventHandler<E> handler) {
                if (subscribers.size() == 3) {
                    throw new IllegalStateException("bus is closed");
                }
                return super.subscribe(name, eventClass, handler);
            }
        };
        Object handler = handlerClass.getConstructor().newInstance();

        assertThatThrownBy(() -> {
            try {
                register.invoke(null, failing, handler);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("bus is closed");
        assertThat(failing.subscribers).isEmpty();
    }

    @Test
    void onTheSynchronousBusGeneratedAndHandWrittenSubscribersRunInSubscriptionOrder() throws Exception {
        SynchronousEventBus bus = new SynchronousEventBus();
        Object handler = handlerClass.getConstructor().newInstance();
        List<String> seen = seen(handler);
        subscribeLambda(bus, "before", "test.ordering.OrderCreated", seen);
        Registration registration = (Registration) register.invoke(null, bus, handler);
        subscribeLambda(bus, "after", "test.ordering.OrderCreated", seen);

        bus.publish(envelope(0, "OrderCreated", record("test.ordering.OrderCreated", "o-1", "alice")));
        bus.publish(envelope(1, "OrderNoted", record("test.ordering.OrderNoted", "ring twice")));
        registration.close();
        bus.publish(envelope(2, "OrderCreated", record("test.ordering.OrderCreated", "o-1", "alice")));
        bus.publish(envelope(3, "OrderNoted", record("test.ordering.OrderNoted", "ring again")));

        assertThat(seen).containsExactly(
                "before", "onCreated o-1", "onAny OrderCreated at 0", "after",
                "onAny OrderNoted at 1", "onRemark OrderNoted", "on(OrderNoted) ring twice",
                "before", "after");
    }

    @Test
    void onTheSynchronousBusAGeneratedSubscriberStopsThePublishWithItsExceptionWrappedOnlyIfChecked() throws Exception {
        SynchronousEventBus bus = new SynchronousEventBus();
        Object failing = failingClass.getConstructor().newInstance();
        List<String> seen = seen(failing);
        registerFailing.invoke(null, bus, failing);
        subscribeLambda(bus, "after", "test.ordering.OrderConfirmed", seen);
        subscribeLambda(bus, "after", "test.ordering.OrderNoted", seen);
        EventEnvelope<Object> confirmed = envelope(0, "order-confirmed", record("test.ordering.OrderConfirmed", "o-1"));

        assertThatThrownBy(() -> bus.publish(confirmed))
                .isInstanceOfSatisfying(SubscriberException.class, e -> {
                    assertThat(e.subscriberName()).isEqualTo("Failing.mail");
                    assertThat(e.envelope()).isSameAs(confirmed);
                })
                .cause().isInstanceOf(IOException.class).hasMessage("mail server down");
        assertThatThrownBy(() -> bus.publish(envelope(1, "OrderNoted", record("test.ordering.OrderNoted", "x"))))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("projection out of sync");
        assertThat(seen).containsExactly("mail", "project");
    }

    /** {@code bus.subscribe(name, <class>, envelope -> seen.add(name))} for a class of the compiled domain. */
    @SuppressWarnings("unchecked")
    private static void subscribeLambda(EventBus bus, String name, String eventClass, List<String> seen) throws Exception {
        bus.subscribe(name, (Class<Object>) loader.loadClass(eventClass), envelope -> seen.add(name));
    }

    private static EventEnvelope<Object> envelope(long revision, String type, Object payload) {
        return new EventEnvelope<>(UUID.randomUUID(), "Order-o-1", revision, revision, type, 1,
                Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(), payload);
    }

    private static Object record(String className, String... components) throws Exception {
        return RouterSources.record(loader, className, components);
    }

    private static List<String> seen(Object handler) throws Exception {
        return RouterSources.seen(handler);
    }
}
