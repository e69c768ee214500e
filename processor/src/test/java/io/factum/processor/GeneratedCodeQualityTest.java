package io.factum.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.processor.aggregate.AggregateFamiliesTest;
import io.factum.processor.subscriber.RouterSources;
import io.factum.processor.upcast.UpcastSources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Generated code: no reflection, no warnings, marked {@code @Generated}, same bytes for the same input. */
class GeneratedCodeQualityTest {

    private static final Pattern REFLECTION = Pattern.compile(
            "java\\.lang\\.reflect|setAccessible|Class\\.forName|getDeclared|MethodHandles|\\.getMethod\\(|\\.getField\\(");

    /**
     * Compilations that between them generate every kind of file: codecs (nested records, enums, collections),
     * aggregate types (sealed and open families, ignored events), subscribers, routers, upcasters and modules.
     */
    private static List<Compilation> functionalCompilations() {
        List<JavaFileObject> versioned = List.of(UpcastSources.V1, UpcastSources.V2, UpcastSources.V3, UpcastSources.UPCASTS);
        return List.of(
                Compilations.compile(List.of(), RouterSources.sources()),
                Compilations.compile(List.of(), AggregateFamiliesTest.sources()),
                Compilations.compile(List.of("-Afactum.schemaLock=off"), versioned));
    }

    private static Map<String, String> allGeneratedSources() {
        Map<String, String> sources = new TreeMap<>();
        for (Compilation compilation : functionalCompilations()) {
            assertThat(compilation).succeededWithoutWarnings();
            sources.putAll(Compilations.generatedSources(compilation));
        }
        return sources;
    }

    @Test
    void generatedSourcesUseNoReflection() {
        Map<String, String> sources = allGeneratedSources();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            assertThat(REFLECTION.matcher(source.getValue()).find())
                    .as("reflection in %s:%n%s", source.getKey(), source.getValue())
                    .isFalse();
        }
        assertThat(sources.keySet())
                .as("every kind of generated file is scanned")
                .anyMatch(name -> name.endsWith("Codec.java"))
                .anyMatch(name -> name.endsWith("AggregateType.java"))
                .anyMatch(name -> name.endsWith("Subscribers.java"))
                .anyMatch(name -> name.endsWith("Router.java"))
                .anyMatch(name -> name.endsWith("Upcaster.java"))
                .anyMatch(name -> name.endsWith("Module.java"));
    }

    @Test
    void everyGeneratedTypeIsMarkedGenerated() {
        for (Map.Entry<String, String> source : allGeneratedSources().entrySet()) {
            assertThat(source.getValue())
                    .as(source.getKey())
                    .contains("import javax.annotation.processing.Generated;")
                    .contains("@Generated(\"io.factum.processor.FactumProcessor\")\n@FactumGenerated\npublic final class ");
        }
    }

    @Test
    void theScanWouldCatchReflection() {
        assertThat(REFLECTION.matcher("Order.class.getDeclaredConstructor().newInstance()").find()).isTrue();
        assertThat(REFLECTION.matcher("java.lang.invoke.MethodHandles.lookup()").find()).isTrue();
    }

    @Test
    void sameInputGivesTheSameBytesWhateverTheSourceOrder() {
        List<JavaFileObject> sources = RouterSources.sources();
        List<JavaFileObject> reversed = new ArrayList<>(sources);
        Collections.reverse(reversed);

        Compilation first = Compilations.compile(List.of(), sources);
        Compilation second = Compilations.compile(List.of(), sources);
        Compilation third = Compilations.compile(List.of(), reversed);

        Map<String, String> expected = Compilations.generatedSources(first);
        assertThat(expected.keySet()).anyMatch(name -> name.endsWith("OrderRoutingRouter.java"));
        assertThat(Compilations.generatedSources(second)).isEqualTo(expected);
        assertThat(Compilations.generatedSources(third)).isEqualTo(expected);
        assertThat(serviceFile(third)).isEqualTo(serviceFile(first));
        assertThat(String.join("\n", expected.values())).doesNotContainPattern("date|20\\d\\d-\\d\\d");
    }

    @Test
    void upcastersAndTheModuleListingThemAreTheSameWhateverTheSourceOrder() {
        List<JavaFileObject> sources = List.of(UpcastSources.V1, UpcastSources.V2, UpcastSources.V3, UpcastSources.UPCASTS);
        List<JavaFileObject> reversed = new ArrayList<>(sources);
        Collections.reverse(reversed);

        Map<String, String> expected = Compilations.generatedSources(Compilations.compile(List.of("-Afactum.schemaLock=off"), sources));

        assertThat(expected.keySet()).anyMatch(name -> name.endsWith("Upcaster.java"));
        assertThat(Compilations.generatedSources(Compilations.compile(List.of("-Afactum.schemaLock=off"), reversed)))
                .isEqualTo(expected);
    }

    private static String serviceFile(Compilation compilation) {
        return Compilations.text(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/io.factum.spi.FactumModule").orElseThrow());
    }
}
