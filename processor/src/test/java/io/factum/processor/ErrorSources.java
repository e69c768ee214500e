package io.factum.processor;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Sources for the compile-error tests. {@link #subject} puts a fixed header of {@value #HEADER}
 * lines before the body, so body line {@code k} (1-based) is file line {@link #line line(k)}.
 */
public final class ErrorSources {

    public static final int HEADER = 7;

    private ErrorSources() {}

    /** File line of body line {@code k}. */
    public static int line(int k) {
        return HEADER + k;
    }

    /** {@code test/Subject.java} with the common imports and the given body. */
    public static JavaFileObject subject(String... body) {
        List<String> lines = new ArrayList<>(List.of(
                "package test;",
                "import io.factum.aggregate.AggregateRoot;",
                "import io.factum.annotation.Aggregate;",
                "import io.factum.annotation.Apply;",
                "import io.factum.annotation.Event;",
                "import io.factum.annotation.Subscribe;",
                "import io.factum.event.EventEnvelope;"));
        lines.addAll(List.of(body));
        return Compilations.source("test.Subject", lines.toArray(new String[0]));
    }

    /**
     * The family used by the tests: {@code sealed interface TestEvent permits Created, Confirmed, Shipped},
     * an {@code @Event} record outside it ({@code Unrelated}), a record without {@code @Event}
     * ({@code NotAnEvent}), an open interface ({@code OpenEvent}) and the stand-in codecs.
     */
    public static List<JavaFileObject> family() {
        List<JavaFileObject> sources = new ArrayList<>(List.of(
                Compilations.source("test.TestEvent", "package test;",
                        "public sealed interface TestEvent permits Created, Confirmed, Shipped {}"),
                eventRecord("Created", "TestEvent"),
                eventRecord("Confirmed", "TestEvent"),
                eventRecord("Shipped", "TestEvent"),
                eventRecord("Unrelated", null),
                Compilations.source("test.NotAnEvent", "package test;", "public record NotAnEvent(String id) {}"),
                Compilations.source("test.OpenEvent", "package test;", "public interface OpenEvent {}")));
        for (String record : List.of("Created", "Confirmed", "Shipped", "Unrelated")) {
            sources.addAll(TestCodecs.forStringRecord("test", record, "id"));
        }
        return sources;
    }

    private static JavaFileObject eventRecord(String name, String family) {
        return Compilations.source("test." + name, "package test;",
                "@io.factum.annotation.Event",
                "public record " + name + "(String id)" + (family == null ? "" : " implements " + family) + " {}");
    }

    /** The family plus {@code extra}. */
    public static List<JavaFileObject> with(JavaFileObject... extra) {
        List<JavaFileObject> sources = family();
        sources.addAll(List.of(extra));
        return sources;
    }
}
