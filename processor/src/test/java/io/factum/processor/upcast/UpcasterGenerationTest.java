package io.factum.processor.upcast;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.UPCASTS;
import static io.factum.processor.upcast.UpcastSources.V1;
import static io.factum.processor.upcast.UpcastSources.V2;
import static io.factum.processor.upcast.UpcastSources.V3;
import static io.factum.processor.upcast.UpcastSources.compile;
import static io.factum.processor.upcast.UpcastSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.spi.FactumModule;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated upcasters: their shape, and a mixed-version stream read through them. */
class UpcasterGenerationTest {

    private static final ClassName V1_CLASS = ClassName.get("com.example", "OrderCreatedV1");
    private static final ClassName V2_CLASS = ClassName.get("com.example", "OrderCreatedV2");
    private static final ClassName V3_CLASS = ClassName.get("com.example", "OrderCreated");
    private static final ClassName UPCASTS_CLASS = ClassName.get("com.example", "OrderUpcasts");

    /** What the processor's versioning step reports for UPCASTS, sorted by stored name and version. */
    private static final List<UpcasterModel> MODELS = List.of(
            new UpcasterModel(ClassName.get("com.example", "OrderCreatedV1Upcaster"), UPCASTS_CLASS, "splitCustomer",
                    V1_CLASS, V2_CLASS, "OrderCreated", 1),
            new UpcasterModel(ClassName.get("com.example", "OrderCreatedV2Upcaster"), UPCASTS_CLASS, "addChannel",
                    V2_CLASS, V3_CLASS, "OrderCreated", 2));

    @Test
    void aValidChainCompilesWithoutWarnings() {
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), V1, V2, V3, UPCASTS);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void generatesADirectCallToTheUsersMethod() {
        Compilation compilation = compile(V1, V2, V3, UPCASTS);

        assertThat(compilation).generatedSourceFile("com.example.OrderCreatedV1Upcaster").contentsAsUtf8String().isEqualTo("""
                        package com.example;

                        import io.factum.annotation.FactumGenerated;
                        import io.factum.event.Upcaster;
                        import javax.annotation.processing.Generated;

                        /**
                         * Upcasts OrderCreated v1 ({@link OrderCreatedV1}) to v2 ({@link OrderCreatedV2}) by calling {@link OrderUpcasts#splitCustomer}.
                         */
                        @Generated("io.factum.processor.FactumProcessor")
                        @FactumGenerated
                        public final class OrderCreatedV1Upcaster implements Upcaster<OrderCreatedV1, OrderCreatedV2> {
                            public static final OrderCreatedV1Upcaster INSTANCE = new OrderCreatedV1Upcaster();

                            private OrderCreatedV1Upcaster() {
                            }

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
                                return OrderUpcasts.splitCustomer(event);
                            }
                        }
                        """);
    }

    @Test
    void theCurrentRecordCanHoldItsOwnUpcaster() {
        JavaFileObject current = source("OrderCreated", """
                @Event(name = "OrderCreated", version = 2)
                public record OrderCreated(String orderId, String customerName, String email) {
                    @Upcast
                    public static OrderCreated from(OrderCreatedV1 old) {
                        return new OrderCreated(old.orderId(), old.customer(), null);
                    }
                }
                """);

        Compilation compilation = compile(List.of("-Xlint:all,-processing"), V1, current);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.OrderCreatedV1Upcaster");
    }

    @Test
    void aMixedVersionStreamIsReadAsTheCurrentVersion() throws Exception {
        Compilation compilation = compile(List.of("-Xlint:all,-processing"), V1, V2, V3, UPCASTS, moduleSource());
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);
        FactumModule module = classes.newInstance("com.example.TestModule", FactumModule.class);

        List<EventType<?>> types = List.of(
                eventType(classes, "com.example.OrderCreatedV1", 1),
                eventType(classes, "com.example.OrderCreatedV2", 2),
                eventType(classes, "com.example.OrderCreated", 3));
        EventTypeRegistry registry = EventTypeRegistry.ofTypes(types, module.upcasters());

        List<String> decoded = new ArrayList<>();
        decoded.add(registry.decode(stored(0, 1, "{\"orderId\":\"o-1\",\"customer\":\"Ada <ada@example.com>\"}")).toString());
        decoded.add(registry.decode(stored(1, 2, "{\"orderId\":\"o-2\",\"customerName\":\"Grace\"}")).toString());
        decoded.add(registry.decode(stored(2, 3, "{\"orderId\":\"o-3\",\"customerName\":\"Alan\",\"channel\":\"phone\"}")).toString());

        assertThat(module.upcasters()).extracting(upcaster -> upcaster.getClass().getName())
                .containsExactly("com.example.OrderCreatedV1Upcaster", "com.example.OrderCreatedV2Upcaster");
        assertThat(decoded).containsExactly(
                "OrderCreated[orderId=o-1, customerName=Ada, email=ada@example.com, channel=web]",
                "OrderCreated[orderId=o-2, customerName=Grace, email=null, channel=web]",
                "OrderCreated[orderId=o-3, customerName=Alan, email=null, channel=phone]");
        assertThat(registry.currentVersion("OrderCreated")).isEqualTo(3);
    }

    /** A module as the module generator will write it: {@code upcasters()} from {@link UpcastModule}. */
    private static JavaFileObject moduleSource() {
        WildcardTypeName any = WildcardTypeName.subtypeOf(Object.class);
        TypeSpec module = TypeSpec.classBuilder("TestModule")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(FactumModule.class)
                .addMethod(MethodSpec.methodBuilder("eventTypes")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class),
                                ParameterizedTypeName.get(ClassName.get(EventType.class), any)))
                        .addStatement("return $T.of()", List.class)
                        .build())
                .addMethod(UpcastModule.upcastersMethod(MODELS))
                .build();
        return JavaFile.builder("com.example", module).build().toJavaFileObject();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventType<?> eventType(CompiledClasses classes, String className, int version) throws ClassNotFoundException {
        Class type = classes.loadClass(className);
        return new EventType<>("OrderCreated", version, type, new StringRecordCodec<>(type));
    }

    private static StoredEvent stored(long revision, int version, String json) {
        return new StoredEvent(UUID.randomUUID(), "Order-1", revision, revision, "OrderCreated", version,
                Instant.EPOCH, Metadata.empty(), json.getBytes(StandardCharsets.UTF_8));
    }

}
