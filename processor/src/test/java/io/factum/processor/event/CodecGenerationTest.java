package io.factum.processor.event;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.testing.ProcessorTesting.compileCleanly;
import static io.factum.processor.testing.ProcessorTesting.generatedSource;
import static io.factum.processor.testing.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.factum.processor.FactumProcessor;
import io.factum.processor.FirstRoundSources;
import io.factum.processor.base.Reporter;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape of generated codecs: golden file, determinism, one codec per record, the models handed on. */
class CodecGenerationTest {

    private static final JavaFileObject CONFIRMED = source("test.OrderConfirmed",
            "package test;",
            "",
            "import io.factum.annotation.Event;",
            "import java.time.Instant;",
            "import java.util.List;",
            "",
            "@Event(name = \"order.confirmed\", version = 2)",
            "public record OrderConfirmed(String orderId, int items, List<String> notes, Instant at) {}");

    @Test
    void smallEventCodecMatchesTheGoldenFile() {
        Compilation compilation = compileCleanly(CONFIRMED);

        assertThat(compilation).generatedSourceFile("test.OrderConfirmedCodec")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/OrderConfirmedCodec.java"));
    }

    @Test
    void eachPropertyIndexCaseNamesItsProperty() {
        String codec = generatedSource(compileCleanly(CONFIRMED), "test.OrderConfirmedCodec");

        Assertions.assertThat(codec)
                .contains("case 0 -> orderId = CodecSupport.readString(parser, eventType); // \"orderId\"")
                .contains("case 1 -> { // \"items\"")
                .contains("case 3 -> at = CodecSupport.readInstant(parser, eventType); // \"at\"");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        JavaFileObject[] sources = {CodecFixtures.EVERYTHING, CodecFixtures.ORDER_LINE, CodecFixtures.STATUS};

        Compilation first = compileCleanly(sources);
        Compilation second = compileCleanly(sources);

        for (String codec : List.of("test.EverythingCodec", "test.OrderLineCodec", "test.Everything_TreeCodec")) {
            Assertions.assertThat(generatedSource(second, codec)).isEqualTo(generatedSource(first, codec));
        }
    }

    @Test
    void aRecordNestedInSeveralEventsGetsOneCodec() {
        JavaFileObject line = source("test.Line", "package test;", "public record Line(String sku) {}");
        JavaFileObject added = source("test.Added", "package test;",
                "@io.factum.annotation.Event public record Added(Line line) {}");
        JavaFileObject removed = source("test.Removed", "package test;",
                "@io.factum.annotation.Event public record Removed(java.util.List<Line> lines) {}");

        Compilation compilation = compileCleanly(line, added, removed);

        Assertions.assertThat(compilation.generatedSourceFiles())
                .extracting(JavaFileObject::getName)
                .filteredOn(name -> name.endsWith("Codec.java"))
                .containsExactlyInAnyOrder("/SOURCE_OUTPUT/test/AddedCodec.java", "/SOURCE_OUTPUT/test/RemovedCodec.java",
                        "/SOURCE_OUTPUT/test/LineCodec.java");
    }

    @Test
    void anEventNestedInAnotherEventUsesItsOwnEventCodec() {
        JavaFileObject inner = source("test.Inner", "package test;",
                "@io.factum.annotation.Event(name = \"inner\") public record Inner(String id) {}");
        JavaFileObject outer = source("test.Outer", "package test;",
                "@io.factum.annotation.Event public record Outer(Inner inner) {}");

        Compilation compilation = compileCleanly(outer, inner);

        Assertions.assertThat(generatedSource(compilation, "test.InnerCodec")).contains("TYPE = \"inner\"");
    }

    @Test
    void componentNamesThatClashWithGeneratedNamesStillCompile() {
        JavaFileObject clash = source("test.Clash", "package test;",
                "@io.factum.annotation.Event",
                "public record Clash(String parser, String eventType, String index, String value, String generator,",
                "        String type, String names, String instance, int hasParser, String TYPE, String NAMES,",
                "        java.util.List<String> values, java.util.Map<String, String> key, @Nullable String entry) {",
                "    @interface Nullable {}",
                "}");

        compileCleanly(clash);
    }

    @Test
    void eventWithoutComponentsAndNestedEventRecordsCompile() {
        JavaFileObject events = source("test.Orders", "package test;",
                "public interface Orders {",
                "    @io.factum.annotation.Event record Cleared() {}",
                "    @io.factum.annotation.Event record Tagged(Tag tag) {}",
                "    record Tag(String name) {}",
                "}");

        Compilation compilation = compileCleanly(events);

        assertThat(compilation).generatedSourceFile("test.Orders_ClearedCodec");
        assertThat(compilation).generatedSourceFile("test.Orders_TaggedCodec");
        assertThat(compilation).generatedSourceFile("test.Orders_TagCodec");
    }

    @Test
    void processReturnsTheModelsOfValidEventsOnly() {
        List<EventModel> models = new ArrayList<>();
        AbstractProcessor stepOnly = new AbstractProcessor() {
            private EventStep step;

            @Override
            public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
                super.init(env);
                step = new EventStep(env, new Reporter(env.getMessager()), models::add);
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("io.factum.annotation.Event");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                step.process(round);
                if (round.processingOver()) {
                    step.finish();
                }
                return false;
            }
        };
        JavaFileObject broken = source("test.Broken", "package test;",
                "@io.factum.annotation.Event public record Broken(Object o) {}");

        Compilation compilation = Compiler.javac().withProcessors(stepOnly).compile(CONFIRMED, broken);

        assertThat(compilation).hadErrorCount(1);
        Assertions.assertThat(models).containsExactly(new EventModel(
                com.palantir.javapoet.ClassName.get("test", "OrderConfirmed"), "order.confirmed", 2,
                com.palantir.javapoet.ClassName.get("test", "OrderConfirmedCodec")));
    }

    @Test
    void generatedCodecsUseNoReflection() {
        Compilation compilation = compileCleanly(CodecFixtures.EVERYTHING, CodecFixtures.ORDER_LINE, CodecFixtures.STATUS);

        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String source = generatedSource(compilation, file.getName()
                    .replace("/SOURCE_OUTPUT/", "").replace(".java", "").replace('/', '.'));
            Assertions.assertThat(source).as(file.getName())
                    .doesNotContain("java.lang.reflect", "setAccessible", "Class.forName", "getDeclared",
                            "MethodHandles", "getMethod", "getField");
        }
    }

    @Test
    void eventUsingATypeAnotherProcessorGeneratesLaterIsRetriedInTheNextRound() {
        FirstRoundSources moneyGenerator = new FirstRoundSources(Map.of("test.Money",
                "package test; public record Money(java.math.BigDecimal amount, String currency) {}"));
        JavaFileObject placed = source("test.Placed", "package test;",
                "@io.factum.annotation.Event public record Placed(String id, Money price) {}");

        Compilation compilation = Compiler.javac()
                .withProcessors(moneyGenerator, new FactumProcessor()) // Factum claims its annotations: a generator that needs round 1 runs first
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(placed);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.PlacedCodec");
        assertThat(compilation).generatedSourceFile("test.MoneyCodec");
    }

    @Test
    void aNestedRecordWhoseCodecIsOnTheClassPathIsNotGeneratedAgain(@TempDir Path library) throws Exception {
        Compilation first = compileCleanly(
                source("lib.Line", "package lib;", "public record Line(String sku, int quantity) {}"),
                source("lib.Added", "package lib;", "@io.factum.annotation.Event public record Added(Line line) {}"));
        for (JavaFileObject file : first.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = library.resolve(file.toUri().getPath().replaceFirst(".*/CLASS_OUTPUT/", ""));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        List<File> classPath = new ArrayList<>();
        classPath.add(library.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }

        Compilation second = Compiler.javac()
                .withProcessors(new FactumProcessor())
                .withClasspath(classPath)
                .compile(source("app.Placed", "package app;",
                        "@io.factum.annotation.Event public record Placed(java.util.List<lib.Line> lines) {}"));

        assertThat(second).succeeded();
        Assertions.assertThat(second.generatedSourceFiles())
                .extracting(JavaFileObject::getName)
                .filteredOn(name -> name.endsWith("Codec.java"))
                .containsExactly("/SOURCE_OUTPUT/app/PlacedCodec.java");
        Assertions.assertThat(generatedSource(second, "app.PlacedCodec")).contains("LineCodec.INSTANCE.read(");
    }

    @Test
    void typeUseNullableAnnotationsCountToo() {
        Compilation compilation = compileCleanly(source("test.Noted", "package test;",
                "import java.lang.annotation.*;",
                "@io.factum.annotation.Event",
                "public record Noted(String id, @Nullable String note) {",
                "    @Target(ElementType.TYPE_USE) @interface Nullable {}",
                "}"));

        Assertions.assertThat(generatedSource(compilation, "test.NotedCodec"))
                .contains("note = parser.hasToken(JsonToken.VALUE_NULL) ? null : CodecSupport.readString(parser, eventType);")
                .doesNotContain("missing(parser, eventType, \"note\")");
    }
}
