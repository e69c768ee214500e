package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.line;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.event.EventTypeRegistry;
import io.factum.processor.Compilations;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Apply} methods inherited from abstract base classes: they count for exhaustiveness, an override counts
 * once (as Java calls it), the generated type calls them, and one that it cannot call is one error.
 */
class InheritedApplyTest {

    @TempDir
    Path classes;

    /** Two levels of base classes; the family is bound by the first. */
    private static final JavaFileObject SUBJECT = subject(
            "abstract class Tracked extends AggregateRoot<TestEvent> {",
            "    public final java.util.List<String> seen = new java.util.ArrayList<>();",
            "    @Apply void created(Created e) { seen.add(\"Tracked.created \" + e.id()); }",
            "    @Apply void shipped(Shipped e) { seen.add(\"Tracked.shipped \" + e.id()); }",
            "}",
            "abstract class Audited extends Tracked {",
            "    @Override @Apply void shipped(Shipped e) { seen.add(\"Audited.shipped \" + e.id()); }",
            "}",
            "@Aggregate",
            "public class Subject extends Audited {",
            "    public String id() { return null; }",
            "    @Apply void confirmed(Confirmed e) { seen.add(\"Subject.confirmed \" + e.id()); }",
            "    public java.util.List<String> log() { return seen; }",
            "}");

    @Test
    void inheritedApplyMethodsAreCalledAndCountForExhaustiveness() throws Exception {
        Compilation compilation = Compilations.compile(List.of(), with(SUBJECT));
        assertThat(compilation).succeededWithoutWarnings();

        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            @SuppressWarnings("unchecked")
            AggregateType<AggregateRoot<Object>, Object> type = (AggregateType<AggregateRoot<Object>, Object>)
                    loader.loadClass("test.SubjectAggregateType").getField("INSTANCE").get(null);
            EventTypeRegistry registry = EventTypeRegistry.load(loader);
            AggregateRoot<Object> subject = type.newInstance();

            type.apply(subject, event(loader, "test.Created", "1"));
            type.apply(subject, event(loader, "test.Confirmed", "2"));
            type.apply(subject, event(loader, "test.Shipped", "3"));
            type.replay(subject, stored(registry, event(loader, "test.Shipped", "4")), registry);

            assertThat(seen(subject)).containsExactly(
                    "Tracked.created 1", "Subject.confirmed 2", "Audited.shipped 3", "Audited.shipped 4");
        }
    }

    @Test
    void anInheritedApplyMethodInAnotherPackageMustBePublic() {
        JavaFileObject base = Compilations.source("test.base.Tracked",
                "package test.base;",
                "import io.factum.annotation.Apply;",
                "public abstract class Tracked extends io.factum.aggregate.AggregateRoot<test.TestEvent> {",
                "    @Apply protected void created(test.Created e) {}",
                "}");
        JavaFileObject subject = subject(
                "@Aggregate",
                "public class Subject extends test.base.Tracked {",
                "    public String id() { return null; }",
                "    @Apply void confirmed(Confirmed e) {}",
                "    @Apply void shipped(Shipped e) {}",
                "}");

        Compilation compilation = Compilations.compile(List.of(), with(base, subject));

        assertThat(compilation).hadErrorContaining("[Factum/ApplyInaccessible] @Apply method created(Created) is inherited"
                        + " from Tracked in package test.base, but the generated SubjectAggregateType in package test cannot"
                        + " call it there; make the method public (and Tracked public), or declare the base class in package test")
                .inFile(base).onLineContaining("protected void created");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aBaseClassMistakeIsOneErrorHoweverManyAggregatesExtendIt() {
        JavaFileObject sources = subject(
                "abstract class Tracked extends AggregateRoot<TestEvent> {",
                "    @Apply private void created(Created e) {}",
                "    @Apply void confirmed(Confirmed e) {}",
                "    @Apply void shipped(Shipped e) {}",
                "}",
                "@Aggregate",
                "class Subject extends Tracked {",
                "    public String id() { return null; }",
                "}",
                "@Aggregate",
                "class Other extends Tracked {",
                "    public String id() { return null; }",
                "}");

        Compilation compilation = Compilations.compile(List.of(), with(sources));

        assertThat(compilation).hadErrorContaining("[Factum/ApplyPrivate] @Apply method created(Created) is private")
                .inFile(sources).onLine(line(2));
        assertThat(compilation).hadErrorCount(1);
    }

    /** A generic base class's @Apply parameter is the event its type argument binds, as Java calls the method. */
    @Test
    void anInheritedApplyMethodWhoseParameterIsATypeVariableHandlesTheBoundEvent() throws Exception {
        JavaFileObject sources = subject(
                "abstract class Tracked<E, C extends E, K extends E> extends AggregateRoot<E> {",
                "    public final java.util.List<String> seen = new java.util.ArrayList<>();",
                "    @Apply void created(C e) { seen.add(\"Tracked.created \" + e); }",
                "    @Apply abstract void confirmed(K e);",
                "}",
                "@Aggregate",
                "public class Subject extends Tracked<TestEvent, Created, Confirmed> {",
                "    public String id() { return null; }",
                "    @Override void confirmed(Confirmed e) { seen.add(\"Subject.confirmed \" + e); }",
                "    @Apply void shipped(Shipped e) {}",
                "    public java.util.List<String> log() { return seen; }",
                "}");

        Compilation compilation = Compilations.compile(List.of(), with(sources));
        assertThat(compilation).succeededWithoutWarnings();

        try (URLClassLoader loader = Compilations.classLoader(compilation, classes)) {
            @SuppressWarnings("unchecked")
            AggregateType<AggregateRoot<Object>, Object> type = (AggregateType<AggregateRoot<Object>, Object>)
                    loader.loadClass("test.SubjectAggregateType").getField("INSTANCE").get(null);
            AggregateRoot<Object> subject = type.newInstance();
            type.apply(subject, event(loader, "test.Created", "1"));
            type.apply(subject, event(loader, "test.Confirmed", "2"));
            assertThat(seen(subject)).containsExactly("Tracked.created Created[id=1]", "Subject.confirmed Confirmed[id=2]");
        }
    }

    /** The generated type calls only the aggregate's class chain: a default method of an interface is one error. */
    @Test
    void anApplyMethodInAnInterfaceIsOneErrorThatSaysWhereToMoveIt() {
        JavaFileObject sources = subject(
                "interface Auditing {",
                "    @Apply default void shipped(Shipped e) {}",
                "}",
                "@Aggregate",
                "public class Subject extends AggregateRoot<TestEvent> implements Auditing {",
                "    public String id() { return null; }",
                "    @Apply void created(Created e) {}",
                "    @Apply void confirmed(Confirmed e) {}",
                "}");

        Compilation compilation = Compilations.compile(List.of(), with(sources));

        assertThat(compilation).hadErrorContaining("[Factum/ApplyOutsideAggregate] @Apply method shipped(Shipped) is in"
                        + " Auditing, which is neither an @Aggregate class nor a base class of aggregates (one that extends"
                        + " AggregateRoot), so nothing would call it; move it into an abstract base class that extends"
                        + " AggregateRoot (an interface's method is not called), or remove @Apply")
                .inFile(sources).onLine(line(2));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void applyInABaseClassIsNotOutsideAnAggregate() {
        JavaFileObject base = subject(
                "abstract class Subject extends AggregateRoot<TestEvent> {",
                "    @Apply void created(Created e) {}",
                "}");

        assertThat(Compilations.compile(List.of(), with(base))).succeededWithoutWarnings();
    }

    private static Object event(ClassLoader loader, String record, String id) throws Exception {
        return loader.loadClass(record).getConstructor(String.class).newInstance(id);
    }

    private static StoredEvent stored(EventTypeRegistry registry, Object event) {
        NewEvent encoded = registry.encode(UUID.randomUUID(), Instant.EPOCH, event, Metadata.empty());
        return new StoredEvent(encoded.eventId(), "subject-1", 0, 1, encoded.type(), encoded.schemaVersion(),
                encoded.occurredAt(), encoded.metadata(), encoded.payload());
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen(Object subject) throws Exception {
        return (List<String>) subject.getClass().getMethod("log").invoke(subject);
    }
}
