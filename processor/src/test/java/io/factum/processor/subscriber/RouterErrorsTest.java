package io.factum.processor.subscriber;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.line;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;

import com.google.testing.compile.Compilation;
import io.factum.processor.Compilations;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every {@code @EventRouter} error: message (with its fix), file and line. */
class RouterErrorsTest {

    /** A valid handler of the test family, to list in routers. */
    private static final String HANDLER = "class Handler { @Subscribe void on(Created e) {} }";

    private static void assertOnlyError(JavaFileObject subject, int line, String... fragments) {
        assertOnlyError(List.of(), subject, line, fragments);
    }

    private static void assertOnlyError(List<JavaFileObject> others, JavaFileObject subject, int line, String... fragments) {
        List<JavaFileObject> sources = with(subject);
        sources.addAll(others);
        Compilation compilation = Compilations.compile(List.of(), sources);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String fragment : fragments) {
            assertThat(compilation).hadErrorContaining(fragment).inFile(subject).onLine(line);
        }
    }

    @Test
    void validRoutersCompileWithoutWarnings() {
        Compilation compilation = Compilations.compile(List.of(), with(subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class, Other.class})",
                        "interface Subject extends io.factum.bus.EventPublisher {",
                        "    void publish(EventEnvelope<?> envelope);",
                        "    default void publishTwice(Object event) { publishEvent(event); publishEvent(event); }",
                        "}"),
                Compilations.source("test.Empty", "package test;",
                        "@io.factum.annotation.EventRouter(handlers = Other.class)",
                        "interface Empty {}"),
                Compilations.source("test.Handler", "package test;", "import io.factum.annotation.Subscribe;", HANDLER),
                Compilations.source("test.Other", "package test;", "import io.factum.annotation.Subscribe;",
                        "import io.factum.event.EventEnvelope;",
                        "class Other { @Subscribe void on(TestEvent e, EventEnvelope<TestEvent> envelope) throws Exception {} }")));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.SubjectRouter");
        assertThat(compilation).generatedSourceFile("test.EmptyRouter");
    }

    @Test
    void notAnInterface() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class})",
                        "class Subject {}",
                        HANDLER), line(1),
                "[Factum/RouterKind] @EventRouter applies to interfaces, but Subject is a class;"
                        + " declare `interface Subject extends EventPublisher {}` and the generated SubjectRouter implements it");
    }

    @Test
    void privateInterface() {
        assertOnlyError(subject(
                        "class Subject {",
                        "    @io.factum.annotation.EventRouter(handlers = {Handler.class})",
                        "    private interface Routing {}",
                        "}",
                        HANDLER), line(2),
                "[Factum/RouterPrivate] @EventRouter interface Routing is private", "Subject_RoutingRouter");
    }

    @Test
    void genericInterface() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class})",
                        "interface Subject<T> {}",
                        HANDLER), line(1),
                "[Factum/RouterGeneric] @EventRouter interface Subject has type parameters", "remove the type parameters");
    }

    @Test
    void abstractMethodOtherThanPublish() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class})",
                        "interface Subject {",
                        "    void send(Created event);",
                        "}",
                        HANDLER), line(3),
                "[Factum/RouterMethod] @EventRouter interface Subject declares abstract method send(Created),"
                        + " which the generated SubjectRouter cannot implement");
    }

    @Test
    void inheritedAbstractMethodIsReportedOnTheInterface() {
        assertOnlyError(subject(
                        "interface Sender { void send(Created event); }",
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class})",
                        "interface Subject extends Sender {}",
                        HANDLER), line(3),
                "[Factum/RouterMethod] @EventRouter interface Subject declares abstract method send(Created)");
    }

    @Test
    void noHandlers() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(",
                        "        handlers = {})",
                        "interface Subject {}"), line(2),
                "[Factum/RouterNoHandlers] @EventRouter on Subject lists no handler classes",
                "e.g. @EventRouter(handlers = {Shipping.class, Billing.class})");
    }

    @Test
    void duplicateHandlerIsReportedOnTheSecondEntry() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(handlers = {",
                        "        Handler.class,",
                        "        Handler.class})",
                        "interface Subject {}",
                        HANDLER), line(3),
                "[Factum/RouterDuplicateHandler] @EventRouter on Subject lists test.Handler twice");
    }

    @Test
    void classWithoutSubscribeMethods() {
        assertOnlyError(subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class,",
                        "        Unrelated.class})",
                        "interface Subject {}",
                        HANDLER), line(2),
                "[Factum/RouterNotHandler] @EventRouter on Subject lists test.Unrelated, which has no @Subscribe methods");
    }

    @Test
    void invalidHandlerIsReportedOnTheHandlerAndOnTheEntry() {
        JavaFileObject subject = subject(
                "@io.factum.annotation.EventRouter(handlers = {",
                "        Handler.class})",
                "interface Subject {}",
                "class Handler {",
                "    @Subscribe static void on(Created e) {}",
                "}");
        Compilation compilation = Compilations.compile(List.of(), with(subject));
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[Factum/SubscribeStatic]").inFile(subject).onLine(line(5));
        assertThat(compilation).hadErrorContaining("[Factum/RouterInvalidHandler] @EventRouter on Subject lists test.Handler,"
                + " whose @Subscribe methods have errors").inFile(subject).onLine(line(2));
    }

    @Test
    void handlerClassNotAccessibleFromTheRoutersPackage() {
        JavaFileObject hidden = Compilations.source("other.Hidden", "package other;",
                "class Hidden { @io.factum.annotation.Subscribe public void on(test.Created e) {} }");
        JavaFileObject routing = Compilations.source("other.Routing", "package other;",
                "@io.factum.annotation.EventRouter(handlers = Hidden.class)",
                "public interface Routing {}");
        Compilation compilation = Compilations.compile(List.of(), with(hidden, routing));
        assertThat(compilation).succeededWithoutWarnings(); // same package: accessible

        assertOnlyError(List.of(Compilations.source("other.Remote", "package other;",
                        "public class Remote { @io.factum.annotation.Subscribe void on(test.Created e) {} }")),
                subject(
                        "@io.factum.annotation.EventRouter(handlers = {Handler.class,",
                        "        other.Remote.class})",
                        "interface Subject {}",
                        HANDLER), line(2),
                "[Factum/RouterInaccessible] @EventRouter on Subject lists other.Remote, but its @Subscribe method"
                        + " on(Created) is not accessible from package test, where the generated SubjectRouter calls it;"
                        + " make it public, or declare the router interface in package other");
    }

    @Test
    void eventTypeNotAccessibleFromTheRoutersPackage() {
        assertOnlyError(List.of(
                        Compilations.source("other.Secret", "package other;",
                                "@io.factum.annotation.Event record Secret(String id) {}"),
                        Compilations.source("other.Remote", "package other;",
                                "public class Remote { @io.factum.annotation.Subscribe public void on(Secret e) {} }")),
                subject(
                        "@io.factum.annotation.EventRouter(handlers = other.Remote.class)",
                        "interface Subject {}"), line(1),
                "[Factum/RouterInaccessible] @EventRouter on Subject lists other.Remote, but event type other.Secret"
                        + " is not accessible from package test");
    }
}
