package io.factum.processor.module;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.AggregateTypeProvider;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.processor.Compilations;
import io.factum.processor.OrderDomain;
import io.factum.spi.FactumModule;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated module: its name, its service entry, its sorted contents, and when there is none. */
class ModuleTest {

    @TempDir
    Path classes;

    private static String serviceFile(Compilation compilation) {
        return serviceFile(compilation, "io.factum.spi.FactumModule");
    }

    private static String serviceFile(Compilation compilation, String service) {
        return Compilations.text(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/" + service).orElseThrow());
    }

    @Test
    void defaultNameIsTheCommonPackagesLastSegmentAndServiceLoaderFindsIt() throws Exception {
        Compilation compilation = Compilations.compile(List.of(), OrderDomain.sources());
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.ordering.OrderingFactumModule");
        assertThat(serviceFile(compilation)).isEqualTo("test.ordering.OrderingFactumModule\n");

        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            List<FactumModule> modules = new ArrayList<>();
            ServiceLoader.load(FactumModule.class, loader).forEach(modules::add);
            assertThat(modules).hasSize(1);
            assertThat(modules.get(0).getClass().getName()).isEqualTo("test.ordering.OrderingFactumModule");
            assertThat(modules.get(0).aggregateTypes()).map(AggregateType::name).containsExactly("Order");
        }
    }

    @Test
    void theModuleIsListedForEachLayerThatLooksItUpAndEachLayerFindsIt() throws Exception {
        Compilation compilation = Compilations.compile(List.of(), OrderDomain.sources());
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(serviceFile(compilation, "io.factum.event.EventTypeProvider")).isEqualTo("test.ordering.OrderingFactumModule\n");
        assertThat(serviceFile(compilation, "io.factum.aggregate.AggregateTypeProvider"))
                .isEqualTo("test.ordering.OrderingFactumModule\n");

        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            assertThat(EventTypeRegistry.load(loader).types()).extracting(EventType::name).contains("order-confirmed");
            List<AggregateTypeProvider> providers = new ArrayList<>();
            ServiceLoader.load(AggregateTypeProvider.class, loader).forEach(providers::add);
            assertThat(providers).singleElement().satisfies(provider -> {
                assertThat(provider).isInstanceOf(FactumModule.class);
                assertThat(provider.aggregateTypes()).map(AggregateType::name).containsExactly("Order");
            });
        }
    }

    @Test
    void aggregatesInSeveralPackagesShareTheirCommonPackageAndAreSortedByName() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(aggregate("com.acme.shipping.Zeta", "alpha"));
        sources.add(aggregate("com.acme.billing.Alpha", "zulu"));
        sources.add(aggregate("com.acme.billing.Mid", ""));
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(serviceFile(compilation)).isEqualTo("com.acme.AcmeFactumModule\n");
        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            FactumModule module = ServiceLoader.load(FactumModule.class, loader).findFirst().orElseThrow();
            assertThat(module.aggregateTypes()).map(AggregateType::name).containsExactly("Mid", "alpha", "zulu");
        }
    }

    @Test
    void nothingInCommonFallsBackToTheUnnamedPackage() {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(aggregate("com.acme.billing.Alpha", ""));
        sources.add(aggregate("org.other.Beta", ""));
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(serviceFile(compilation)).isEqualTo("GeneratedFactumModule\n");
    }

    /** An aggregate whose family ({@code com.acme.Ping}) lives in the common package. */
    private static JavaFileObject aggregate(String qualifiedName, String name) {
        int dot = qualifiedName.lastIndexOf('.');
        String simple = qualifiedName.substring(dot + 1);
        return Compilations.source(qualifiedName, "package " + qualifiedName.substring(0, dot) + ";",
                "import io.factum.annotation.*;",
                "@Aggregate(name = \"" + name + "\")",
                "public class " + simple + " extends io.factum.aggregate.AggregateRoot<com.acme.Ping> {",
                "    public String id() { return null; }",
                "    @Apply void on(com.acme.Ping e) {}",
                "}");
    }

    private static List<JavaFileObject> acmeFamily() {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(Compilations.source("com.acme.Ping", "package com.acme;",
                "@io.factum.annotation.Event public record Ping(String id) {}"));
        sources.addAll(io.factum.processor.TestCodecs.forStringRecord("com.acme", "Ping", "id"));
        return sources;
    }

    @Test
    void theOptionNamesTheModule() {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(aggregate("com.acme.billing.Alpha", ""));
        Compilation compilation = Compilations.compile(List.of("-Afactum.module=com.acme.wiring.BillingModule"), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.wiring.BillingModule");
        assertThat(serviceFile(compilation)).isEqualTo("com.acme.wiring.BillingModule\n");
    }

    @Test
    void anInvalidOptionIsAnError() {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(aggregate("com.acme.billing.Alpha", ""));
        Compilation compilation = Compilations.compile(List.of("-Afactum.module=com.acme.not-a-name"), sources);
        assertThat(compilation).hadErrorContaining(
                "[Factum/ModuleOption] Processor option -Afactum.module=com.acme.not-a-name is not a valid fully qualified class name");
        // an option belongs to no source element, so the error has no file or line
        org.assertj.core.api.Assertions.assertThat(compilation.errors()).allMatch(error -> error.getSource() == null);
    }

    @Test
    void handlersAloneNeedNoModule() {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(Compilations.source("com.acme.Pings", "package com.acme;",
                "public class Pings {",
                "    @io.factum.annotation.Subscribe void on(Ping ping) {}",
                "}"));
        // Ping is an @Event, but the event step is what registers events; see ModuleGeneratorTest
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.acme.PingsSubscribers");
        if (!io.factum.processor.TestCodecs.EVENT_STEP_GENERATES_CODECS) {
            assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.factum.spi.FactumModule")).isEmpty();
        }
    }

    @Test
    void anAggregateGeneratedAfterTheModuleWasWrittenIsAnError() {
        List<JavaFileObject> sources = new ArrayList<>(acmeFamily());
        sources.add(aggregate("com.acme.billing.Early", ""));
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(new LateAggregateGenerator(), new io.factum.processor.FactumProcessor())
                .withOptions(Compilations.LINT)
                .compile(sources);
        assertThat(compilation).hadErrorCount(1);
        // (the module's name depends on whether the event step registers com.acme.Ping too)
        assertThat(compilation).hadErrorContaining(
                "[Factum/ModuleLateElement] Late arrived in annotation processing round 3, after the FactumModule com.acme.");
        assertThat(compilation).hadErrorContaining("was written, so it is not registered in it; "
                + "the processor that generates Late should run before Factum's");
        // Late is a generated source, which compile-testing's inFile cannot name: check the diagnostic itself
        javax.tools.Diagnostic<? extends javax.tools.JavaFileObject> late = compilation.errors().get(0);
        org.assertj.core.api.Assertions.assertThat(late.getSource().getName()).endsWith("com/acme/billing/Late.java");
        org.assertj.core.api.Assertions.assertThat(late.getLineNumber()).isEqualTo(2);
    }

    /** Generates a filler class in round 1 and an aggregate in round 2, after Factum wrote the module. */
    private static final class LateAggregateGenerator extends javax.annotation.processing.AbstractProcessor {
        private int round;

        @Override
        public java.util.Set<String> getSupportedAnnotationTypes() {
            return java.util.Set.of("*");
        }

        @Override
        public javax.lang.model.SourceVersion getSupportedSourceVersion() {
            return javax.lang.model.SourceVersion.latestSupported();
        }

        @Override
        public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
                               javax.annotation.processing.RoundEnvironment roundEnv) {
            round++;
            if (round == 1) {
                write("com.acme.billing.Filler", "package com.acme.billing; class Filler {}");
            } else if (round == 2) {
                write("com.acme.billing.Late", "package com.acme.billing;\n"
                        + "@io.factum.annotation.Aggregate public class Late extends io.factum.aggregate.AggregateRoot<com.acme.Ping> {\n"
                        + "    public String id() { return null; }\n"
                        + "    @io.factum.annotation.Apply void on(com.acme.Ping e) {}\n"
                        + "}\n");
            }
            return false;
        }

        private void write(String name, String source) {
            try (java.io.Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(source);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
