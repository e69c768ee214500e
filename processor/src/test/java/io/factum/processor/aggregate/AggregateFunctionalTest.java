package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.AggregateTypes;
import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the order domain with the processor and runs the generated {@code OrderAggregateType}:
 * commands, dispatch, ignored events, replay from stored events and its errors.
 */
class AggregateFunctionalTest {

    /** The old shape of OrderCreated, with its upcaster: stored v1 events reach the aggregate as v2. */
    private static final javax.tools.JavaFileObject ORDER_CREATED_V1 = Compilations.source("test.ordering.OrderCreatedV1",
            "package test.ordering;",
            "",
            "import io.factum.annotation.Event;",
            "import io.factum.annotation.Upcast;",
            "",
            "@Event(name = \"OrderCreated\", version = 1)",
            "public record OrderCreatedV1(String orderId, String customer) {",
            "    @Upcast",
            "    static OrderCreated upcast(OrderCreatedV1 old) {",
            "        return new OrderCreated(old.orderId(), old.customer());",
            "    }",
            "}");

    @TempDir
    static Path classes;

    private static Compilation compilation;
    private static URLClassLoader loader;
    private static AggregateType<AggregateRoot<Object>, Object> type;
    private static EventTypeRegistry registry;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileAndLoad() throws Exception {
        List<javax.tools.JavaFileObject> sources = new java.util.ArrayList<>(OrderDomain.sources());
        sources.add(ORDER_CREATED_V1);
        compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        loader = Compilations.classLoader(compilation, classes);
        type = (AggregateType<AggregateRoot<Object>, Object>) staticField("test.ordering.OrderAggregateType", "INSTANCE");
        AggregateTypes.register(type);
        // Version 1 of OrderCreated is its own record; its generated upcaster turns it into the current one.
        registry = EventTypeRegistry.ofTypes(List.of(
                eventType("OrderCreated", 1, "test.ordering.OrderCreatedV1"),
                eventType("OrderCreated", 2, "test.ordering.OrderCreated"),
                eventType("order-confirmed", 1, "test.ordering.OrderConfirmed"),
                eventType("OrderNoted", 1, "test.ordering.OrderNoted"),
                eventType("StrayEvent", 1, "test.ordering.OrderCreated")),
                List.of((io.factum.event.Upcaster<?, ?>) staticField("test.ordering.OrderCreatedV1Upcaster", "INSTANCE")));
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @Test
    void describesTheAggregate() throws Exception {
        assertThat(type.name()).isEqualTo("Order");
        assertThat(type.aggregateClass()).isSameAs(loader.loadClass("test.ordering.Order"));
        assertThat(type.eventFamily()).isSameAs(loader.loadClass("test.ordering.OrderEvent"));
        assertThat(type.streamId("42")).isEqualTo("Order-42");
        assertThat(type.newInstance()).isInstanceOf(type.aggregateClass()).isNotSameAs(type.newInstance());
    }

    @Test
    void commandsRecordEventsThatTheGeneratedTypeApplies() throws Exception {
        AggregateRoot<Object> order = type.newInstance();
        command(order, "create", "o-1", "alice");
        command(order, "confirm");

        assertThat(order).hasToString("Order[o-1, alice, CONFIRMED]");
        assertThat(order.id()).isEqualTo("o-1");
        assertThat(order.uncommittedEvents()).map(Object::toString)
                .containsExactly("OrderCreated[orderId=o-1, customer=alice]", "OrderConfirmed[orderId=o-1]");
        assertThat(order.revision()).isEqualTo(1);
    }

    @Test
    void invariantsAreCheckedByCommandMethods() throws Exception {
        AggregateRoot<Object> order = type.newInstance();
        command(order, "create", "o-1", "alice");
        command(order, "confirm");

        assertThatThrownBy(() -> command(order, "confirm"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Only pending orders can be confirmed");
        assertThat(order.uncommittedEvents()).hasSize(2);
    }

    @Test
    void ignoredEventsAreRecordedButChangeNothing() throws Exception {
        AggregateRoot<Object> order = type.newInstance();
        command(order, "create", "o-1", "alice");
        command(order, "note", "ring twice");

        assertThat(order).hasToString("Order[o-1, alice, PENDING]");
        assertThat(order.uncommittedEvents()).map(Object::toString).contains("OrderNoted[note=ring twice]");
    }

    @Test
    void applyRejectsNull() {
        // Anything else outside a sealed family cannot even reach apply: the bridge method's cast stops it.
        AggregateRoot<Object> order = type.newInstance();
        assertThatThrownBy(() -> type.apply(order, null))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("null is not an event of aggregate Order");
    }

    @Test
    void replaysStoredEventsThroughTheApplyMethods() {
        AggregateRoot<Object> order = type.newInstance();
        replay(order, stored(0, "OrderCreated", 2, "{\"orderId\":\"o-7\",\"customer\":\"bob\"}"));
        replay(order, stored(1, "order-confirmed", 1, "{\"orderId\":\"o-7\",\"unknown\":[1,2]}"));
        order.replayedTo(1);

        assertThat(order).hasToString("Order[o-7, bob, CONFIRMED]");
        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(order.storedRevision()).isEqualTo(1);
    }

    @Test
    void ignoredEventsAreNotEvenDecodedOnReplay() {
        AggregateRoot<Object> order = type.newInstance();
        replay(order, stored(0, "OrderCreated", 2, "{\"orderId\":\"o-7\",\"customer\":\"bob\"}"));
        replay(order, stored(1, "OrderNoted", 1, "not json at all"));

        assertThat(order).hasToString("Order[o-7, bob, PENDING]");
    }

    @Test
    void olderSchemaVersionsAreDecodedThroughTheRegistry() {
        AggregateRoot<Object> order = type.newInstance();
        replay(order, stored(0, "OrderCreated", 1, "{\"orderId\":\"o-1\",\"customer\":\"old\"}"));

        assertThat(order).hasToString("Order[o-1, old, PENDING]");
    }

    @Test
    void aVersionNobodyKnowsIsATypedError() {
        AggregateRoot<Object> order = type.newInstance();
        assertThatThrownBy(() -> replay(order, stored(0, "OrderCreated", 3, "{}")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("OrderCreated v3")
                .hasMessageContaining("known versions [1, 2]");
    }

    @Test
    void aStoredTypeOutsideTheAggregateIsATypedErrorNamingTheStream() {
        AggregateRoot<Object> order = type.newInstance();
        assertThatThrownBy(() -> replay(order, stored(4, "StrayEvent", 1, "{}")))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.streamId()).isEqualTo("Order-o-1");
                    assertThat(e.streamRevision()).isEqualTo(4);
                    assertThat(e.type()).isEqualTo("StrayEvent");
                })
                .hasMessageContaining("StrayEvent is not an event of aggregate Order");
    }

    @Test
    void aCorruptPayloadIsADecodingErrorWithItsLocation() {
        AggregateRoot<Object> order = type.newInstance();
        assertThatThrownBy(() -> replay(order, stored(3, "OrderCreated", 2, "{\"orderId\":")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("OrderCreated v2 at stream 'Order-o-1' revision 3");
    }

    // ---- helpers: reflection is fine in tests, the generated code uses none ----

    private static void replay(AggregateRoot<Object> order, StoredEvent stored) {
        type.replay(order, stored, registry);
    }

    private static StoredEvent stored(long revision, String typeName, int version, String json) {
        return new StoredEvent(UUID.randomUUID(), "Order-o-1", revision, 100 + revision, typeName, version,
                Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static void command(Object aggregate, String name, Object... arguments) throws Exception {
        Class<?>[] parameterTypes = new Class<?>[arguments.length];
        java.util.Arrays.fill(parameterTypes, String.class);
        try {
            aggregate.getClass().getMethod(name, parameterTypes).invoke(aggregate, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object staticField(String className, String field) throws Exception {
        return loader.loadClass(className).getField(field).get(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventType<?> eventType(String name, int version, String record) throws Exception {
        Class recordClass = loader.loadClass(record);
        EventCodec codec = (EventCodec) staticField(record + "Codec", "INSTANCE");
        return new EventType(name, version, recordClass, codec);
    }
}
