package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.line;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;

import com.google.testing.compile.Compilation;
import io.factum.processor.Compilations;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every aggregate error: message (with its fix), file and line. */
class AggregateErrorsTest {

    private static Compilation compile(JavaFileObject subject) {
        return Compilations.compile(java.util.List.of(), with(subject));
    }

    private static void assertOnlyError(JavaFileObject subject, int line, String... fragments) {
        Compilation compilation = compile(subject);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String fragment : fragments) {
            assertThat(compilation).hadErrorContaining(fragment).inFile(subject).onLine(line);
        }
    }

    /** Body lines 1-3 of a valid aggregate, to which a test adds lines from 4 on. */
    private static String[] validAggregate(String... more) {
        String[] head = {
            "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
            "class Subject extends AggregateRoot<TestEvent> {",
            "    public String id() { return null; }",
            "    @Apply void on(Created e) {}"};
        String[] all = java.util.Arrays.copyOf(head, head.length + more.length + 1);
        System.arraycopy(more, 0, all, head.length, more.length);
        all[all.length - 1] = "}";
        return all;
    }

    @Test
    void applyWithoutParameters() {
        assertOnlyError(subject(validAggregate("    @Apply void nothing() {}")), line(5),
                "[Factum/ApplyArity] @Apply methods take exactly one event parameter, but nothing() takes 0",
                "add the event parameter");
    }

    @Test
    void applyWithTwoParameters() {
        assertOnlyError(subject(validAggregate("    @Apply void both(Confirmed a, Shipped b) {}")), line(5),
                "[Factum/ApplyArity]", "both(Confirmed, Shipped) takes 2", "split it into one @Apply method per event");
    }

    @Test
    void applyParameterThatIsNotAnEventIsReportedOnTheParameter() {
        assertOnlyError(subject(validAggregate(
                        "    @Apply",
                        "    void on(",
                        "            NotAnEvent e) {}")), line(7),
                "[Factum/ApplyParameterNotEvent] The parameter of @Apply method on(NotAnEvent) is test.NotAnEvent, "
                        + "which is not an @Event record", "e.g. `void on(OrderCreated event)`");
    }

    @Test
    void applyParameterOutsideTheFamily() {
        assertOnlyError(subject(validAggregate("    @Apply void on(Unrelated e) {}")), line(5),
                "[Factum/ApplyNotInFamily] Unrelated is not an event of Subject's family TestEvent",
                "add it to the family");
    }

    @Test
    void privateApply() {
        assertOnlyError(subject(validAggregate("    @Apply private void on(Shipped e) {}").clone()), line(5),
                "[Factum/ApplyPrivate] @Apply method on(Shipped) is private, so the generated SubjectAggregateType cannot call it",
                "remove `private`");
    }

    @Test
    void staticApply() {
        assertOnlyError(subject(validAggregate("    @Apply static void on(Shipped e) {}")), line(5),
                "[Factum/ApplyStatic] @Apply method on(Shipped) is static", "remove `static`");
    }

    @Test
    void applyReturningAValue() {
        assertOnlyError(subject(validAggregate("    @Apply Subject on(Shipped e) { return this; }")), line(5),
                "[Factum/ApplyReturnType] @Apply method on(Shipped) returns test.Subject", "declare it `void`");
    }

    @Test
    void applyDeclaringACheckedException() {
        assertOnlyError(subject(validAggregate("    @Apply void on(Shipped e) throws java.io.IOException {}")), line(5),
                "[Factum/ApplyCheckedException] @Apply method on(Shipped) declares the checked exception IOException",
                "remove `throws IOException`");
    }

    @Test
    void uncheckedExceptionsInThrowsAreFine() {
        Compilation compilation = compile(subject(
                "@Aggregate",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply void on(Created e) throws IllegalStateException {}",
                "    @Apply void on(Confirmed e) {}",
                "    @Apply void on(Shipped e) {}",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void twoApplyMethodsForTheSameEvent() {
        assertOnlyError(subject(validAggregate("    @Apply void again(Created e) {}")), line(5),
                "[Factum/ApplyDuplicate] Subject has two @Apply methods for Created (on(Created) and again(Created)); keep one");
    }

    @Test
    void applyOutsideAnAggregate() {
        JavaFileObject subject = subject(
                "class Subject {",
                "    @Apply void on(Created e) {}",
                "}");
        assertOnlyError(subject, line(2),
                "[Factum/ApplyOutsideAggregate] @Apply method on(Created) is in Subject, which is neither an @Aggregate class nor a base class of aggregates",
                "annotate Subject with @Aggregate");
    }

    @Test
    void sealedFamilyMemberWithoutApplyNamesTheEventsAndBothFixes() {
        assertOnlyError(subject(
                        "@Aggregate",
                        "class Subject extends AggregateRoot<TestEvent> {",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(2),
                "[Factum/ApplyMissing] Aggregate Subject does not handle these events of its family TestEvent: Confirmed, Shipped.",
                "`@Apply void on(Confirmed event) { ... }`",
                "list them in @Aggregate(ignores = {...})");
    }

    /** A method's errors are printed where the method is checked: before what the whole class lacks. */
    @Test
    void errorsAreReportedInTheOrderTheyAreFound() {
        Compilation compilation = compile(subject(
                "@Aggregate",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply static void on(Created e) {}",
                "}"));

        org.assertj.core.api.Assertions.assertThat(compilation.errors())
                .extracting(error -> error.getMessage(null))
                .satisfiesExactly(
                        first -> org.assertj.core.api.Assertions.assertThat(first).startsWith("[Factum/ApplyStatic]"),
                        second -> org.assertj.core.api.Assertions.assertThat(second).startsWith("[Factum/ApplyMissing]"));
    }

    @Test
    void singleRecordFamilyNeedsItsApplyMethod() {
        assertOnlyError(subject(
                        "@Aggregate",
                        "class Subject extends AggregateRoot<Created> {",
                        "    public String id() { return null; }",
                        "}"), line(2),
                "[Factum/ApplyMissing] Aggregate Subject does not handle these events of its family Created: Created.");
    }

    @Test
    void ignoredEventOutsideTheFamilyIsReportedOnThatValue() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {",
                        "        Confirmed.class,",
                        "        Unrelated.class,",
                        "        Shipped.class})",
                        "class Subject extends AggregateRoot<TestEvent> {",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(3),
                "[Factum/IgnoreNotInFamily] @Aggregate(ignores) lists Unrelated, which is not an event of Subject's family TestEvent",
                "remove it from ignores");
    }

    @Test
    void ignoredEventThatAlsoHasAnApplyMethod() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class,",
                        "        Created.class})",
                        "class Subject extends AggregateRoot<TestEvent> {",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(2),
                "[Factum/IgnoreHasApply] @Aggregate(ignores) lists Created, but Subject also has @Apply method on(Created) for it");
    }

    @Test
    void aggregateOnAnInterface() {
        assertOnlyError(subject(
                        "@Aggregate",
                        "interface Subject {}"), line(1),
                "[Factum/AggregateKind] @Aggregate applies to classes, but Subject is an interface",
                "declare `public class Subject extends AggregateRoot<YourEvent>`");
    }

    @Test
    void aggregateOnAnEnum() {
        assertOnlyError(subject("@Aggregate", "enum Subject { A }"), line(1), "[Factum/AggregateKind]", "Subject is an enum");
    }

    @Test
    void aggregateOnARecord() {
        assertOnlyError(subject("@Aggregate", "record Subject(String id) {}"), line(1), "[Factum/AggregateKind]", "Subject is a record");
    }

    @Test
    void abstractAggregate() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                        "abstract class Subject extends AggregateRoot<TestEvent> {",
                        "    @Apply void on(Created e) {}",
                        "}"), line(2),
                "[Factum/AggregateAbstract] @Aggregate class Subject is abstract, so the generated SubjectAggregateType cannot create it",
                "remove `abstract`");
    }

    @Test
    void nonStaticInnerAggregate() {
        JavaFileObject subject = subject(
                "class Subject {",
                "    @Aggregate(ignores = {Confirmed.class, Shipped.class})",
                "    class Inner extends AggregateRoot<TestEvent> {",
                "        public String id() { return null; }",
                "        @Apply void on(Created e) {}",
                "    }",
                "}");
        assertOnlyError(subject, line(3), "[Factum/AggregateInner] @Aggregate class Inner is an inner class", "declare it `static`");
    }

    @Test
    void staticNestedAggregateIsFine() {
        Compilation compilation = compile(subject(
                "class Subject {",
                "    @Aggregate(ignores = {Confirmed.class, Shipped.class})",
                "    static class Inner extends AggregateRoot<TestEvent> {",
                "        public String id() { return null; }",
                "        @Apply void on(Created e) {}",
                "    }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Subject_InnerAggregateType");
    }

    @Test
    void privateNestedAggregate() {
        assertOnlyError(subject(
                        "class Subject {",
                        "    @Aggregate(ignores = {Confirmed.class, Shipped.class})",
                        "    private static class Inner extends AggregateRoot<TestEvent> {",
                        "        public String id() { return null; }",
                        "        @Apply void on(Created e) {}",
                        "    }",
                        "}"), line(3),
                "[Factum/AggregatePrivate] @Aggregate class Inner is private", "make it package-private or public");
    }

    @Test
    void aggregateNotExtendingAggregateRoot() {
        assertOnlyError(subject(
                        "@Aggregate",
                        "class Subject {",
                        "}"), line(2),
                "[Factum/AggregateSuperclass] @Aggregate class Subject must extend io.factum.aggregate.AggregateRoot<E>, "
                        + "directly or through base classes",
                "but it extends java.lang.Object");
    }

    /** A base class of aggregates is fine now (see InheritedApplyTest); what is left is the missing @Apply methods. */
    @Test
    void aggregateExtendingAggregateRootIndirectly() {
        assertOnlyError(subject(
                        "abstract class Base extends AggregateRoot<TestEvent> {}",
                        "@Aggregate",
                        "class Subject extends Base {",
                        "    public String id() { return null; }",
                        "}"), line(3),
                "[Factum/ApplyMissing] Aggregate Subject does not handle these events of its family TestEvent: "
                        + "Created, Confirmed, Shipped");
    }

    @Test
    void aggregateWhoseBaseClassesNeverReachAggregateRoot() {
        assertOnlyError(subject(
                        "abstract class Base {}",
                        "@Aggregate",
                        "class Subject extends Base {",
                        "}"), line(3),
                "[Factum/AggregateSuperclass]", "directly or through base classes", "but it extends test.Base");
    }

    @Test
    void rawAggregateRoot() {
        assertOnlyError(subject(
                        "@SuppressWarnings(\"rawtypes\")",
                        "@Aggregate",
                        "class Subject extends AggregateRoot {",
                        "    public String id() { return null; }",
                        "}"), line(3),
                "[Factum/AggregateRawRoot] Subject extends AggregateRoot without a type argument",
                "`extends AggregateRoot<SubjectEvent>`");
    }

    @Test
    void familyThatIsNotAnEventType() {
        assertOnlyError(subject(
                        "@Aggregate",
                        "class Subject extends AggregateRoot<String> {",
                        "    public String id() { return null; }",
                        "}"), line(2),
                "[Factum/AggregateFamilyKind] The event family of Subject is java.lang.String",
                "declare `sealed interface SubjectEvent permits ...`");
    }

    @Test
    void sealedFamilyMemberThatIsNotAnEvent() {
        assertOnlyError(subject(
                        "sealed interface Mixed permits Created2, Plain {}",
                        "@Event record Created2(String id) implements Mixed {}",
                        "record Plain(String id) implements Mixed {}",
                        "@Aggregate",
                        "class Subject extends AggregateRoot<Mixed> {",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created2 e) {}",
                        "}"), line(5),
                "[Factum/FamilyMemberNotEvent] The sealed event family Mixed permits test.Plain", "annotate each with @Event");
    }

    @Test
    void twoEventsOfTheFamilyStoredUnderOneName() {
        // Different versions, so the stored identities differ; the event and versioning steps may
        // report their own view of this too, hence no exact error count.
        JavaFileObject subject = subject(
                "sealed interface Twins permits First, Second {}",
                "@Event(name = \"Same\", version = 1) record First(String id) implements Twins {}",
                "@Event(name = \"Same\", version = 2) record Second(String id) implements Twins {}",
                "@Aggregate",
                "class Subject extends AggregateRoot<Twins> {",
                "    public String id() { return null; }",
                "    @Apply void on(First e) {}",
                "    @Apply void on(Second e) {}",
                "}");
        Compilation compilation = compile(subject);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(
                "[Factum/FamilyDuplicateName] First and Second, both events of Subject, are stored under the same name 'Same'")
                .inFile(subject).onLine(line(5));
    }

    @Test
    void aggregateWithoutANoArgumentConstructor() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                        "class Subject extends AggregateRoot<TestEvent> {",
                        "    Subject(String id) {}",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(2),
                "[Factum/AggregateConstructor] @Aggregate class Subject has no non-private constructor without parameters",
                "add `Subject() {}`");
    }

    @Test
    void privateNoArgumentConstructorIsReportedOnTheConstructor() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                        "class Subject extends AggregateRoot<TestEvent> {",
                        "    private Subject() {}",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(3),
                "[Factum/AggregateConstructor]");
    }

    @Test
    void genericAggregate() {
        assertOnlyError(subject(
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                        "class Subject<T> extends AggregateRoot<TestEvent> {",
                        "    public String id() { return null; }",
                        "    @Apply void on(Created e) {}",
                        "}"), line(2),
                "[Factum/AggregateGeneric] @Aggregate class Subject has type parameters", "remove the type parameters");
    }

    @Test
    void severalErrorsOnOneAggregateAreAllReported() {
        JavaFileObject subject = subject(
                "@Aggregate",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply private void on(Created e) {}",
                "    @Apply static void on(Confirmed e) {}",
                "}");
        Compilation compilation = compile(subject);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[Factum/ApplyPrivate]").inFile(subject).onLine(line(4));
        assertThat(compilation).hadErrorContaining("[Factum/ApplyStatic]").inFile(subject).onLine(line(5));
        assertThat(compilation).hadErrorContaining("[Factum/ApplyMissing] Aggregate Subject does not handle these events"
                + " of its family TestEvent: Shipped.").inFile(subject).onLine(line(2));
    }

    /** The broken method is the error; the events it names are not reported again as unhandled. */
    @Test
    void aBrokenApplyMethodIsNotAlsoReportedAsMissing() {
        JavaFileObject subject = subject(
                "@Aggregate(ignores = Created.class)",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply void on(Confirmed confirmed, Shipped shipped) {}",
                "}");
        Compilation compilation = compile(subject);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[Factum/ApplyArity]").inFile(subject).onLine(line(4));
    }

    @Test
    void oneBadAggregateAbandonsOnlyItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        JavaFileObject good = io.factum.processor.Compilations.source("test.Good",
                "package test;",
                "import io.factum.aggregate.AggregateRoot;",
                "import io.factum.annotation.*;",
                "@Aggregate(ignores = {Confirmed.class, Shipped.class})",
                "public class Good extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply void on(Created e) {}",
                "}");
        JavaFileObject bad = subject(validAggregate("    @Apply void on(Unrelated e) {}"));
        Compilation compilation = Compilations.compile(java.util.List.of(), with(good, bad));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[Factum/ApplyNotInFamily]").inFile(bad).onLine(line(5));

        // compile-testing hides the generated files of a failed compilation: look on disk
        Compilations.DiskCompilation onDisk = Compilations.compileToDirectory(with(good, bad), directory);
        org.assertj.core.api.Assertions.assertThat(onDisk.errors()).hasSize(1).allMatch(e -> e.contains("[Factum/ApplyNotInFamily]"));
        org.assertj.core.api.Assertions.assertThat(onDisk.generated("test.GoodAggregateType")).isTrue();
        // the bad one gets only a stand-in that throws (so code using it compiles)
        org.assertj.core.api.Assertions.assertThat(onDisk.source("test.SubjectAggregateType"))
                .contains("A stand-in: the aggregate has compile errors")
                .contains("throw new IllegalStateException(")
                .doesNotContain("Json.decode");
        // a failing build gets no module (javac would compile none of it; see StrictBuildTest), so nothing registers the bad one
        org.assertj.core.api.Assertions.assertThat(onDisk.generated("test.TestFactumModule")).isFalse();
    }
}
