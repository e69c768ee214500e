package io.factum.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.line;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Nothing escapes {@code process()}; types generated later are waited for; unresolved ones are reported. */
class ProcessorRobustnessTest {

    /** Collects what the reporter prints. */
    private static final class RecordingMessager implements Messager {
        final List<String> messages = new ArrayList<>();

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
            messages.add(kind + " " + msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
            printMessage(kind, msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            printMessage(kind, msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
            printMessage(kind, msg);
        }
    }

    @Test
    void anUnexpectedExceptionIsReportedWithItsStackTraceAndDoesNotEscape() {
        RecordingMessager messager = new RecordingMessager();
        Reporter reporter = new Reporter(messager);

        boolean completed = reporter.guard(null, () -> {
            throw new IllegalStateException("boom");
        });

        assertThat(completed).isFalse();
        assertThat(reporter.errorCount()).isEqualTo(1);
        assertThat(messager.messages).singleElement().asString()
                .startsWith("ERROR [Factum/Internal] Factum's processor failed on this element")
                .contains("java.lang.IllegalStateException: boom")
                .contains("at io.factum.processor.ProcessorRobustnessTest");
    }

    @Test
    void aMissingTypeIsLeftToTheStepToDefer() {
        Reporter reporter = new Reporter(new RecordingMessager());
        assertThatThrownBy(() -> reporter.guard(null, () -> {
            throw new MissingTypeException(null, "Later");
        })).isInstanceOf(MissingTypeException.class);
        assertThat(reporter.errorCount()).isZero();
    }

    @Test
    void anApplyParameterOfAnUnknownTypeIsReportedAtTheLastRound() {
        JavaFileObject subject = subject(
                "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply void on(Created e) {}",
                "    @Apply void on(",
                "            Missing e) {}",
                "}");
        Compilation compilation = Compilations.compile(List.of(), with(subject));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(subject).onLine(line(6));
        assertThat(compilation).hadErrorContaining(
                "[Factum/UnresolvedReference] parameter e of on(Missing) refers to Missing, which does not exist even after "
                        + "the last annotation processing round; fix the import or the name").inFile(subject).onLine(line(6));
    }

    @Test
    void anUnknownFamilyAndAnUnknownIgnoredClassDoNotCrash() {
        JavaFileObject subject = subject(
                "@Aggregate(ignores = Nowhere.class)",
                "class Subject extends AggregateRoot<Unknown> {",
                "    public String id() { return null; }",
                "}");
        Compilation compilation = Compilations.compile(List.of(), with(subject));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Factum/UnresolvedReference]").inFile(subject).onLine(line(2));
        assertThat(compilation.errors()).noneMatch(d -> d.getMessage(null).contains("[Factum/Internal]"));
    }

    @Test
    void aggregateOnAnAnnotationTypeAndSubscribersOnAnEnum() {
        JavaFileObject subject = subject(
                "@Aggregate",
                "@interface Subject {}",
                "enum Handlers {",
                "    INSTANCE;",
                "    @Subscribe void on(Created e) {}",
                "}");
        Compilation compilation = Compilations.compile(List.of(), with(subject));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[Factum/AggregateKind] @Aggregate applies to classes, but Subject is an annotation type")
                .inFile(subject).onLine(line(1));
    }

    /** Another processor generates the event record (and its codec) in round 1; the aggregate must wait for it. */
    @Test
    void anAggregateWaitsForAnEventGeneratedInTheSameRound() {
        JavaFileObject holder = Compilations.source("test.later.Holder",
                "package test.later;",
                "import io.factum.annotation.*;",
                "@Aggregate",
                "public class Holder extends io.factum.aggregate.AggregateRoot<Later> {",
                "    public String id() { return null; }",
                "    @Apply void on(Later e) {}",
                "}");
        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(laterEventGenerator(), new FactumProcessor()) // Factum claims its annotations: a generator that needs round 1 runs first
                .withOptions(Compilations.LINT)
                .compile(holder);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.later.HolderAggregateType")
                .contentsAsUtf8String().contains("aggregate.on(Json.decode(LaterCodec.INSTANCE, LATER_VERSION, Later.class, stored, registry))");
        assertThat(compilation).generatedSourceFile("test.later.HolderAggregateType")
                .contentsAsUtf8String().contains("private static final int LATER_VERSION = 1;");
        assertThat(compilation).generatedSourceFile("test.later.LaterFactumModule")
                .contentsAsUtf8String().contains("HolderAggregateType.INSTANCE");
    }

    /** {@code test.later.Later} and its stand-in codec, as another processor would write them in round 1. */
    private static FirstRoundSources laterEventGenerator() {
        Map<String, String> sources = new java.util.HashMap<>();
        sources.put("test.later.Later", "package test.later;\n@io.factum.annotation.Event public record Later(String id) {}\n");
        for (JavaFileObject codec : TestCodecs.forStringRecord("test.later", "Later", "id")) {
            try {
                sources.put("test.later.LaterCodec", codec.getCharContent(true).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new FirstRoundSources(sources);
    }
}
