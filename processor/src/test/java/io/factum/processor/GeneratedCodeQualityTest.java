package io.factum.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.processor.aggregate.AggregateFamiliesTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Generated code: no reflection, no warnings, same bytes for the same input. */
class GeneratedCodeQualityTest {

    private static final Pattern REFLECTION = Pattern.compile(
            "java\\.lang\\.reflect|setAccessible|Class\\.forName|getDeclared|MethodHandles|\\.getMethod\\(|\\.getField\\(");

    /** Every functional test compilation of this module's steps. */
    private static List<Compilation> functionalCompilations() {
        return List.of(
                Compilations.compile(List.of(), OrderDomain.sources()),
                Compilations.compile(List.of(), AggregateFamiliesTest.sources()));
    }

    @Test
    void generatedSourcesUseNoReflection() {
        int scanned = 0;
        for (Compilation compilation : functionalCompilations()) {
            assertThat(compilation).succeededWithoutWarnings();
            for (Map.Entry<String, String> source : Compilations.generatedSources(compilation).entrySet()) {
                if (source.getKey().endsWith("Codec.java")) {
                    continue; // the event step's codecs are scanned by its own tests
                }
                assertThat(REFLECTION.matcher(source.getValue()).find())
                        .as("reflection in %s:%n%s", source.getKey(), source.getValue())
                        .isFalse();
                scanned++;
            }
        }
        assertThat(scanned).as("aggregate types, subscribers and modules scanned").isGreaterThanOrEqualTo(6);
    }

    @Test
    void theScanWouldCatchReflection() {
        assertThat(REFLECTION.matcher("Order.class.getDeclaredConstructor().newInstance()").find()).isTrue();
        assertThat(REFLECTION.matcher("java.lang.invoke.MethodHandles.lookup()").find()).isTrue();
    }

    @Test
    void sameInputGivesTheSameBytesWhateverTheSourceOrder() {
        List<JavaFileObject> sources = OrderDomain.sources();
        List<JavaFileObject> reversed = new ArrayList<>(sources);
        Collections.reverse(reversed);

        Compilation first = Compilations.compile(List.of(), sources);
        Compilation second = Compilations.compile(List.of(), sources);
        Compilation third = Compilations.compile(List.of(), reversed);

        Map<String, String> expected = Compilations.generatedSources(first);
        assertThat(expected).isNotEmpty();
        assertThat(Compilations.generatedSources(second)).isEqualTo(expected);
        assertThat(Compilations.generatedSources(third)).isEqualTo(expected);
        assertThat(serviceFile(third)).isEqualTo(serviceFile(first));
        assertThat(String.join("\n", expected.values())).doesNotContainPattern("date|20\\d\\d-\\d\\d");
    }

    private static String serviceFile(Compilation compilation) {
        return Compilations.text(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/io.factum.spi.FactumModule").orElseThrow());
    }
}
