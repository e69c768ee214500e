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

/** Every subscriber error: message (with its fix), file and line. */
class SubscriberErrorsTest {

    private static void assertOnlyError(JavaFileObject subject, int line, String... fragments) {
        Compilation compilation = Compilations.compile(List.of(), with(subject));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String fragment : fragments) {
            assertThat(compilation).hadErrorContaining(fragment).inFile(subject).onLine(line);
        }
    }

    private static JavaFileObject handler(String... methods) {
        String[] body = new String[methods.length + 2];
        body[0] = "class Subject {";
        System.arraycopy(methods, 0, body, 1, methods.length);
        body[body.length - 1] = "}";
        return subject(body);
    }

    @Test
    void validHandlerCompilesWithoutWarnings() {
        Compilation compilation = Compilations.compile(List.of(), with(handler(
                "    @Subscribe void a(Created e) {}",
                "    @Subscribe void b(TestEvent e, EventEnvelope<TestEvent> envelope) {}",
                "    @Subscribe void c(Shipped e, EventEnvelope<Shipped> envelope) {}",
                "    @Subscribe void d(TestEvent e, EventEnvelope<? extends TestEvent> envelope) {}",
                "    @Subscribe protected void e(Confirmed e, EventEnvelope<?> envelope) throws Exception {}")));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.SubjectSubscribers");
    }

    @Test
    void noParameters() {
        assertOnlyError(handler("    @Subscribe void on() {}"), line(2),
                "[Factum/SubscribeArity] @Subscribe methods take the event, optionally followed by its EventEnvelope, "
                        + "but on() takes 0 parameters", "`void on(OrderPaid event, EventEnvelope<OrderPaid> envelope)`");
    }

    @Test
    void threeParameters() {
        assertOnlyError(handler("    @Subscribe void on(Created e, EventEnvelope<Created> envelope, String extra) {}"), line(2),
                "[Factum/SubscribeArity]", "takes 3 parameters");
    }

    @Test
    void firstParameterNotAnEventIsReportedOnTheParameter() {
        assertOnlyError(handler(
                        "    @Subscribe",
                        "    void on(",
                        "            String text) {}"), line(4),
                "[Factum/SubscribeParameterNotEvent] The first parameter of @Subscribe method on(String) is java.lang.String, "
                        + "which is not an @Event record or a sealed interface of them");
    }

    @Test
    void recordWithoutEventAnnotation() {
        assertOnlyError(handler("    @Subscribe void on(NotAnEvent e) {}"), line(2),
                "[Factum/SubscribeParameterNotEvent]", "if NotAnEvent is an event, annotate it with @Event");
    }

    @Test
    void openInterfaceIsNotAFamily() {
        assertOnlyError(handler("    @Subscribe void on(OpenEvent e) {}"), line(2),
                "[Factum/SubscribeParameterNotEvent]",
                "OpenEvent is not sealed, so its members are unknown at compile time: declare it `sealed interface OpenEvent permits ...`");
    }

    @Test
    void secondParameterNotAnEnvelope() {
        assertOnlyError(handler(
                        "    @Subscribe void on(Created e,",
                        "            String envelope) {}"), line(3),
                "[Factum/SubscribeEnvelope] The second parameter of @Subscribe method on(Created, String) is java.lang.String",
                "declare it as `EventEnvelope<Created>` (or `EventEnvelope<?>`)");
    }

    @Test
    void envelopeOfAnotherEvent() {
        assertOnlyError(handler("    @Subscribe void on(Created e, EventEnvelope<Shipped> envelope) {}"), line(2),
                "[Factum/SubscribeEnvelope]", "is io.factum.event.EventEnvelope<test.Shipped>");
    }

    @Test
    void envelopeOfAMemberForAFamilyMethod() {
        assertOnlyError(handler("    @Subscribe void on(TestEvent e, EventEnvelope<Created> envelope) {}"), line(2),
                "[Factum/SubscribeEnvelope]", "`EventEnvelope<TestEvent>`");
    }

    @Test
    void privateSubscriber() {
        assertOnlyError(handler("    @Subscribe private void on(Created e) {}"), line(2),
                "[Factum/SubscribePrivate] @Subscribe method on(Created) is private, so the generated SubjectSubscribers cannot call it");
    }

    @Test
    void staticSubscriber() {
        assertOnlyError(handler("    @Subscribe static void on(Created e) {}"), line(2),
                "[Factum/SubscribeStatic] @Subscribe method on(Created) is static", "remove `static`");
    }

    @Test
    void subscriberReturningAValue() {
        assertOnlyError(handler("    @Subscribe java.util.concurrent.CompletionStage<Void> on(Created e) { return null; }"), line(2),
                "[Factum/SubscribeReturnType] @Subscribe method on(Created) returns java.util.concurrent.CompletionStage<java.lang.Void>",
                "declare it `void`");
    }

    @Test
    void subscriberThrowingThrowable() {
        assertOnlyError(handler("    @Subscribe void on(Created e) throws Throwable {}"), line(2),
                "[Factum/SubscribeThrowsThrowable] @Subscribe method on(Created) declares `throws java.lang.Throwable`",
                "declare `throws Exception` or narrower");
    }

    @Test
    void abstractHandler() {
        assertOnlyError(subject(
                        "abstract class Subject {",
                        "    @Subscribe void on(Created e) {}",
                        "}"), line(1),
                "[Factum/HandlerKind] Subject has @Subscribe methods but is an abstract class");
    }

    @Test
    void interfaceHandler() {
        assertOnlyError(subject(
                        "interface Subject {",
                        "    @Subscribe default void on(Created e) {}",
                        "}"), line(1),
                "[Factum/HandlerKind] Subject has @Subscribe methods but is an interface");
    }

    @Test
    void privateHandler() {
        assertOnlyError(subject(
                        "class Subject {",
                        "    private static class Inner {",
                        "        @Subscribe void on(Created e) {}",
                        "    }",
                        "}"), line(2),
                "[Factum/HandlerPrivate] Handler class Inner is private", "make it package-private or public");
    }

    @Test
    void genericHandler() {
        assertOnlyError(subject(
                        "class Subject<T> {",
                        "    @Subscribe void on(Created e) {}",
                        "}"), line(1),
                "[Factum/HandlerGeneric] Handler class Subject has type parameters");
    }
}
