package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;

import com.google.testing.compile.Compilation;
import io.factum.processor.Compilations;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The shape of a generated aggregate type, compared by syntax tree: what users step through in a debugger. */
class AggregateTypeGoldenTest {

    @Test
    void sealedFamilyWithAnIgnoredEvent() {
        Compilation compilation = Compilations.compile(List.of(), with(subject(
                "@Aggregate(name = \"subject\", ignores = Shipped.class)",
                "class Subject extends AggregateRoot<TestEvent> {",
                "    public String id() { return null; }",
                "    @Apply void created(Created e) {}",
                "    @Apply void on(Confirmed e) {}",
                "}")));
        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject expected = Compilations.source("test.SubjectAggregateType",
                "package test;",
                "",
                "import io.factum.aggregate.AggregateType;",
                "import io.factum.annotation.FactumGenerated;",
                "import io.factum.codec.Json;",
                "import io.factum.event.EventTypeRegistry;",
                "import io.factum.event.UnknownEventTypeException;",
                "import io.factum.store.StoredEvent;",
                "import javax.annotation.processing.Generated;",
                "",
                "@Generated(\"io.factum.processor.FactumProcessor\")",
                "@FactumGenerated",
                "public final class SubjectAggregateType implements AggregateType<Subject, TestEvent> {",
                "    public static final SubjectAggregateType INSTANCE = new SubjectAggregateType();",
                "",
                "    private static final int CREATED_VERSION = 1;",
                "",
                "    private static final int CONFIRMED_VERSION = 1;",
                "",
                "    private SubjectAggregateType() {",
                "    }",
                "",
                "    @Override public String name() { return \"subject\"; }",
                "    @Override public Class<Subject> aggregateClass() { return Subject.class; }",
                "    @Override public Class<TestEvent> eventFamily() { return TestEvent.class; }",
                "    @Override public Subject newInstance() { return new Subject(); }",
                "",
                "    @Override",
                "    public void apply(Subject aggregate, TestEvent event) {",
                "        if (event instanceof Created e) {",
                "            aggregate.created(e);",
                "        } else if (event instanceof Confirmed e) {",
                "            aggregate.on(e);",
                "        } else if (event instanceof Shipped) {",
                "        } else {",
                "            throw notAnEvent(event);",
                "        }",
                "    }",
                "",
                "    @Override",
                "    public void replay(Subject aggregate, StoredEvent stored, EventTypeRegistry registry) {",
                "        switch (stored.type()) {",
                "            case \"Created\" -> aggregate.created(Json.decode(CreatedCodec.INSTANCE, CREATED_VERSION, Created.class, stored, registry));",
                "            case \"Confirmed\" -> aggregate.on(Json.decode(ConfirmedCodec.INSTANCE, CONFIRMED_VERSION, Confirmed.class, stored, registry));",
                "            case \"Shipped\" -> {",
                "            }",
                "            default -> throw new UnknownEventTypeException(stored, stored.type() + \" is not an event of aggregate subject\");",
                "        }",
                "    }",
                "",
                "    private static UnknownEventTypeException notAnEvent(Object event) {",
                "        String type = event == null ? \"null\" : event.getClass().getName();",
                "        return new UnknownEventTypeException(type + \" is not an event of aggregate subject; \"",
                "                + \"add an @Apply method for it or list it in @Aggregate(ignores)\");",
                "    }",
                "}");
        assertThat(compilation).generatedSourceFile("test.SubjectAggregateType").hasSourceEquivalentTo(expected);
    }
}
