package io.factum.processor.module;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.ClassName;
import io.factum.event.EventType;
import io.factum.processor.Compilations;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.event.EventModel;
import io.factum.spi.FactumModule;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module's event types, from event models as the event step will hand them over (it does not
 * yet, so the models are built here), compiled and loaded.
 */
class ModuleGeneratorTest {

    @TempDir
    Path classes;

    private static EventModel event(String record, String storedName, int version) {
        ClassName recordClass = ClassName.get("test.registry", record);
        return new EventModel(recordClass, storedName, version, GeneratedNames.codecOf(recordClass));
    }

    @Test
    void eventTypesAreSortedByNameThenVersionAndUseTheCodecInstances() throws Exception {
        ModuleModel model = new ModuleModel(ClassName.get("test.registry", "RegistryModule"),
                List.of(event("Shipped", "shipped", 1), event("CreatedV2", "created", 2), event("Created", "created", 1)),
                List.of());
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(ModuleGenerator.generate(model).toJavaFileObject());
        for (String record : List.of("Shipped", "CreatedV2", "Created")) {
            sources.add(Compilations.source("test.registry." + record, "package test.registry;",
                    "public record " + record + "(String id) {}"));
            sources.add(codec(record));
        }
        Compilation compilation = javac().withOptions(Compilations.LINT).compile(sources);
        assertThat(compilation).succeededWithoutWarnings();

        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            FactumModule module = (FactumModule) loader.loadClass("test.registry.RegistryModule").getConstructor().newInstance();
            assertThat(module.eventTypes()).map(EventType::label).containsExactly("created v1", "created v2", "shipped v1");
            EventType<?> first = module.eventTypes().get(0);
            assertThat(first.javaType().getName()).isEqualTo("test.registry.Created");
            assertThat(first.codec()).isSameAs(loader.loadClass("test.registry.CreatedCodec").getField("INSTANCE").get(null));
            assertThat(module.aggregateTypes()).isEmpty();
        }
    }

    /** A stub codec: this test is about the registry entries, not about JSON. */
    private static JavaFileObject codec(String record) {
        return Compilations.source("test.registry." + record + "Codec", "package test.registry;",
                "public final class " + record + "Codec implements io.factum.event.EventCodec<" + record + "> {",
                "    public static final " + record + "Codec INSTANCE = new " + record + "Codec();",
                "    @Override public void write(tools.jackson.core.JsonGenerator g, " + record + " v) {}",
                "    @Override public " + record + " read(tools.jackson.core.JsonParser p) { return null; }",
                "}");
    }
}
