package io.factum.processor.module;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.bus.Registration;
import io.factum.bus.SynchronousEventBus;
import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import io.factum.spi.FactumModule;
import io.factum.spi.SubscriberRegistration;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module lists the generated subscriber registrations, and they subscribe handler objects. */
class ModuleSubscribersTest {

    @TempDir
    Path classes;

    @Test
    void theModuleListsEachHandlerAndItsRegistrationSubscribesAnInstance() throws Exception {
        Compilation compilation = Compilations.compile(List.of(), OrderDomain.sources());
        assertThat(compilation).succeededWithoutWarnings();
        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            FactumModule module = ServiceLoader.load(FactumModule.class, loader).findFirst().orElseThrow();
            List<SubscriberRegistration<?>> registrations = module.subscriberRegistrations();
            assertThat(registrations).hasSize(1);
            SubscriberRegistration<?> registration = registrations.get(0);
            assertThat(registration.handlerClass().getName()).isEqualTo("test.ordering.Notifications");

            Object handler = registration.handlerClass().getDeclaredConstructor().newInstance();
            assertThat(registration.accepts(handler)).isTrue();
            assertThat(registration.accepts("not a handler")).isFalse();
            SynchronousEventBus bus = new SynchronousEventBus();
            Registration subscribed = registration.register(bus, handler);
            Class<?> created = loader.loadClass("test.ordering.OrderCreated");
            bus.publishEvent(created.getDeclaredConstructors()[0].newInstance("o-1", "ann"));
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) registration.handlerClass().getField("seen").get(handler);
            assertThat(seen).containsExactly("onCreated o-1", "onAny OrderCreated at 0");

            subscribed.close();
            bus.publishEvent(created.getDeclaredConstructors()[0].newInstance("o-2", "bob"));
            assertThat(seen).hasSize(2);
            assertThatThrownBy(() -> registration.register(bus, "not a handler"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String")
                    .hasMessageContaining("test.ordering.Notifications");
        }
    }

    @Test
    void aPackagePrivateHandlerInAnotherPackageThanTheModuleIsListedAndTheListIsSortedByClassName() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(List.of(
                Compilations.source("com.acme.Ping", "package com.acme;",
                        "@io.factum.annotation.Event public record Ping(String id) {}"),
                Compilations.source("com.acme.zeta.Hidden", "package com.acme.zeta;",
                        "class Hidden {",
                        "    @io.factum.annotation.Subscribe void on(com.acme.Ping ping) {}",
                        "}"),
                Compilations.source("com.acme.alpha.Open", "package com.acme.alpha;",
                        "public class Open {",
                        "    public static class Nested {",
                        "        @io.factum.annotation.Subscribe void on(com.acme.Ping ping) {}",
                        "    }",
                        "}")));
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedSource(compilation, "com.acme.AcmeFactumModule"))
                .contains("SUBSCRIBERS = List.of(")
                .contains("Open_NestedSubscribers.REGISTRATION")
                .contains("HiddenSubscribers.REGISTRATION");
        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            FactumModule module = ServiceLoader.load(FactumModule.class, loader).findFirst().orElseThrow();
            assertThat(module.subscriberRegistrations()).map(r -> r.handlerClass().getName())
                    .containsExactly("com.acme.alpha.Open$Nested", "com.acme.zeta.Hidden");
            assertThat(module.eventTypes()).hasSize(1);
        }
    }

    @Test
    void aUnitWithoutHandlersListsNone() throws Exception {
        List<JavaFileObject> sources = List.of(Compilations.source("com.acme.Ping", "package com.acme;",
                "@io.factum.annotation.Event public record Ping(String id) {}"));
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedSource(compilation, "com.acme.AcmeFactumModule")).doesNotContain("subscriberRegistrations");
        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            FactumModule module = ServiceLoader.load(FactumModule.class, loader).findFirst().orElseThrow();
            assertThat(module.subscriberRegistrations()).isEmpty();
        }
    }
}
