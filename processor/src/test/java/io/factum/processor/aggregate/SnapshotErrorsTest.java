package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.line;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;

import com.google.testing.compile.Compilation;
import io.factum.processor.Compilations;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every snapshot declaration error (and the one warning): message with its fix, file and line. */
class SnapshotErrorsTest {

    private static final JavaFileObject SNAP = snap("record Snap(String id) {}");

    /** {@code test/Snap.java}: the snapshot record, on line 2. */
    private static JavaFileObject snap(String declaration) {
        return Compilations.source("test.Snap", "package test;", declaration);
    }

    private static Compilation compile(JavaFileObject subject, JavaFileObject... more) {
        List<JavaFileObject> sources = with(subject);
        sources.addAll(more.length == 0 ? List.of(SNAP) : List.of(more));
        return Compilations.compile(List.of(), sources);
    }

    private static void assertOnlyError(JavaFileObject subject, int line, String... fragments) {
        assertOnlyError(compile(subject), subject, line, fragments);
    }

    private static void assertOnlyError(Compilation compilation, JavaFileObject file, int line, String... fragments) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        for (String fragment : fragments) {
            assertThat(compilation).hadErrorContaining(fragment).inFile(file).onLine(line);
        }
    }

    /**
     * A valid snapshotting aggregate, body lines 1-9, then {@code more}; each replacement swaps one body line
     * (1-based) for another text, so a test states exactly the one mistake it makes.
     */
    private static JavaFileObject aggregate(String[] replacements, String... more) {
        List<String> body = new ArrayList<>(List.of(
                "@Aggregate(ignores = {Confirmed.class, Shipped.class}, snapshot = Snap.class)",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    String id;",
                "    Subject() {}",
                "    Subject(Snap s) { id = s.id(); }",
                "    public String id() { return id; }",
                "    @Apply void on(Created e) { id = e.id(); }",
                "    Snap snapshot() { return new Snap(id); }",
                "}"));
        for (int i = 0; i < replacements.length; i += 2) {
            body.set(Integer.parseInt(replacements[i]) - 1, replacements[i + 1]);
        }
        body.addAll(List.of(more));
        return subject(body.toArray(new String[0]));
    }

    private static String[] replace(String... lineAndText) {
        return lineAndText;
    }

    @Test
    void theValidDeclarationCompilesWithoutWarnings() {
        assertThat(compile(aggregate(replace()))).succeededWithoutWarnings();
    }

    @Test
    void snapshotTypeThatIsNotARecord() {
        JavaFileObject subject = aggregate(replace());
        assertOnlyError(compile(subject, snap("class Snap { Snap(String id) {} String id() { return null; } }")), subject, line(1),
                "[Factum/SnapshotNotRecord] @Aggregate(snapshot = Snap.class) names a class", "declare `record Snap(...)`");
    }

    @Test
    void snapshotThatIsAnEvent() {
        JavaFileObject subject = aggregate(replace());
        assertOnlyError(compile(subject, snap("@io.factum.annotation.Event record Snap(String id) {}")), subject, line(1),
                "[Factum/SnapshotIsEvent]", "a snapshot is state, not an event");
    }

    @Test
    void snapshotComponentTheCodecCannotWriteIsReportedOnTheComponent() {
        JavaFileObject snap = snap("record Snap(String id, Object extra) {}");
        assertOnlyError(compile(aggregate(replace("8", "    Snap snapshot() { return new Snap(id, null); }")), snap), snap, 2,
                "[Factum/UnsupportedType] component 'extra' has type java.lang.Object");
    }

    @Test
    void snapshotVersionBelowOne() {
        assertOnlyError(aggregate(replace("1",
                        "@Aggregate(ignores = {Confirmed.class, Shipped.class}, snapshot = Snap.class, snapshotVersion = 0)")),
                line(1), "[Factum/SnapshotVersion] @Aggregate snapshotVersion must be 1 or greater, was 0");
    }

    @Test
    void noSnapshotMethod() {
        assertOnlyError(aggregate(replace("8", "")), line(1),
                "[Factum/SnapshotMethodMissing]", "add `Snap snapshot() { return new Snap(...); }`");
    }

    @Test
    void snapshotMethodWithAParameterIsReportedOnIt() {
        assertOnlyError(aggregate(replace("8", "    Snap snapshot(int x) { return new Snap(id); }")), line(8),
                "[Factum/SnapshotMethodSignature] Snapshot method snapshot(int) of Subject", "declare `Snap snapshot()`");
    }

    @Test
    void snapshotMethodThatIsPrivateOrReturnsAnotherType() {
        assertOnlyError(aggregate(replace("8", "    private Snap snapshot() { return new Snap(id); }")), line(8),
                "[Factum/SnapshotMethodSignature]", "is not private");
        assertOnlyError(aggregate(replace("8", "    String snapshot() { return id; }")), line(8),
                "[Factum/SnapshotMethodSignature]", "returns Snap");
    }

    @Test
    void noRestoringConstructor() {
        assertOnlyError(aggregate(replace("5", "")), line(1),
                "[Factum/SnapshotRestoreMissing]", "add a constructor `Subject(Snap snapshot) { ... }`");
    }

    @Test
    void privateRestoringConstructorIsReportedOnIt() {
        assertOnlyError(aggregate(replace("5", "    private Subject(Snap s) { id = s.id(); }")), line(5),
                "[Factum/SnapshotRestoreSignature] Restoring constructor Subject(Snap) of Subject must not be private");
    }

    @Test
    void restoringConstructorWithACheckedException() {
        assertOnlyError(aggregate(replace("5", "    Subject(Snap s) throws Exception { id = s.id(); }")), line(5),
                "[Factum/SnapshotRestoreSignature]", "remove the `throws`");
    }

    @Test
    void fieldChangedByApplyButNeverReadBySnapshotIsAWarningOnTheField() {
        JavaFileObject subject = aggregate(replace("3", "    String id; int count;",
                "7", "    @Apply void on(Created e) { id = e.id(); count++; }"));
        Compilation compilation = compile(subject);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[Factum/SnapshotFieldNotRead] Field 'count' of Subject is changed by"
                + " @Apply method on(Created), but snapshot() never reads it").inFile(subject).onLine(line(3));
    }

    @Test
    void noWarningWhereTheSnapshotMethodCallsAHelperOrTheFieldIsShadowed() {
        assertThat(compile(aggregate(replace("3", "    String id; int count;",
                "7", "    @Apply void on(Created e) { id = e.id(); count++; }",
                "8", "    Snap snapshot() { return new Snap(describe()); } String describe() { return id + count; }"))))
                .succeededWithoutWarnings();
        assertThat(compile(aggregate(replace("3", "    String id; int count;",
                "7", "    @Apply void on(Created e) { int count = 0; id = e.id(); count++; }"))))
                .succeededWithoutWarnings();
    }
}
