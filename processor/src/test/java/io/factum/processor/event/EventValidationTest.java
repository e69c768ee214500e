package io.factum.processor.event;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.testing.ProcessorTesting.compile;
import static io.factum.processor.testing.ProcessorTesting.compileRecording;
import static io.factum.processor.testing.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import io.factum.processor.testing.ProcessorTesting.Recorded;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error the event step reports: message, file and line; and no cascade from an abandoned event. */
class EventValidationTest {

    private static final JavaFileObject VALID = source("test.Valid",
            "package test;",
            "",
            "@io.factum.annotation.Event",
            "public record Valid(String id) {}");

    @Test
    void eventOnAClassIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public class Placed {}");

        Compilation compilation = compile(file);

        assertThat(compilation).hadErrorContaining("[Factum/EventNotRecord] @Event applies to records only;"
                        + " declare class Placed as `record Placed(...)`")
                .inFile(file).onLine(3);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void eventOnAnInterfaceIsAnError() {
        JavaFileObject file = source("test.OrderEvent",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public interface OrderEvent {}");

        assertThat(compile(file)).hadErrorContaining("[Factum/EventNotRecord]").inFile(file).onLine(3);
    }

    @Test
    void versionBelowOneIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event(version = 0)",
                "public record Placed(String id) {}");

        Recorded recorded = compileRecording(file);

        assertThat(recorded.compilation())
                .hadErrorContaining("[Factum/EventVersion] @Event version must be 1 or greater, was 0")
                .inFile(file).onLine(3);
        assertThat(recorded.compilation()).hadErrorCount(1);
        Assertions.assertThat(recorded.generatedSources()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"order created", "1Order", "order/created", "' '", "Ordér"})
    void storedNameThatIsNotIdentifierLikeIsAnError(String name) {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event(name = \"" + name + "\")",
                "public record Placed(String id) {}");

        assertThat(compile(file))
                .hadErrorContaining("[Factum/EventName] @Event name \"" + name + "\" is not a valid stored name")
                .inFile(file).onLine(3);
    }

    @Test
    void storedNameLongerThanTheLimitIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event(name = \"" + "a".repeat(EventModeler.MAX_NAME_LENGTH + 1) + "\")",
                "public record Placed(String id) {}");

        assertThat(compile(file)).hadErrorContaining("[Factum/EventName]").inFile(file).onLine(3);
    }

    @Test
    void privateNestedEventIsAnError() {
        JavaFileObject file = source("test.Orders",
                "package test;",
                "",
                "public class Orders {",
                "    @io.factum.annotation.Event",
                "    private record Placed(String id) {}",
                "}");

        assertThat(compile(file))
                .hadErrorContaining("[Factum/EventNotAccessible] @Event record Placed must be accessible to its"
                        + " generated codec in package test; it is private; make it package-private or public")
                .inFile(file).onLine(4);
    }

    @Test
    void eventInsideAPrivateClassIsAnError() {
        JavaFileObject file = source("test.Orders",
                "package test;",
                "",
                "public class Orders {",
                "    private static class Events {",
                "        @io.factum.annotation.Event",
                "        record Placed(String id) {}",
                "    }",
                "}");

        assertThat(compile(file))
                .hadErrorContaining("it is nested in the private type Events; make it package-private or public")
                .inFile(file).onLine(5);
    }

    @Test
    void genericEventIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed<T>(String id) {}");

        assertThat(compile(file))
                .hadErrorContaining("[Factum/EventGeneric] @Event record Placed cannot be generic")
                .inFile(file).onLine(3);
    }

    @Test
    void twoEventsWithTheSameStoredNameAndVersionIsAnErrorOnBoth() {
        JavaFileObject first = source("test.a.Placed",
                "package test.a;",
                "",
                "@io.factum.annotation.Event(name = \"OrderPlaced\", version = 2)",
                "public record Placed(String id) {}");
        JavaFileObject second = source("test.b.OrderPlaced",
                "package test.b;",
                "",
                "",
                "@io.factum.annotation.Event(version = 2)",
                "public record OrderPlaced(String id) {}");

        Compilation compilation = compile(first, second);

        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent] test.a.Placed and test.b.OrderPlaced are"
                        + " both stored as \"OrderPlaced\" v2; the stored name and version select the class when events"
                        + " are read, so give one of them a different @Event(name = ...) or version")
                .inFile(second).onLine(4);
        // either record may be the one to change, so both are marked
        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent] test.a.Placed and test.b.OrderPlaced are"
                        + " both stored as \"OrderPlaced\" v2")
                .inFile(first).onLine(3);
        assertThat(compilation).hadErrorCount(2);
    }

    /** A third record of the same stored name is one more error, on it: the first record is marked once, not per clash. */
    @Test
    void threeEventsWithTheSameStoredNameAreOneErrorEach() {
        JavaFileObject a = source("test.A", "package test;", "@io.factum.annotation.Event(name = \"X\")", "public record A(String id) {}");
        JavaFileObject b = source("test.B", "package test;", "@io.factum.annotation.Event(name = \"X\")", "public record B(String id) {}");
        JavaFileObject c = source("test.C", "package test;", "@io.factum.annotation.Event(name = \"X\")", "public record C(String id) {}");

        Compilation compilation = compile(a, b, c);

        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent] test.A and test.B").inFile(a).onLine(2);
        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent] test.A and test.B").inFile(b).onLine(2);
        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent] test.A and test.C").inFile(c).onLine(2);
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void sameStoredNameWithAnotherVersionIsFine() {
        JavaFileObject v1 = source("test.PlacedV1",
                "package test;",
                "@io.factum.annotation.Event(name = \"OrderPlaced\")",
                "public record PlacedV1(String id) {",
                "    @io.factum.annotation.Upcast static PlacedV2 upcast(PlacedV1 old) { return new PlacedV2(old.id(), 1); }",
                "}");
        JavaFileObject v2 = source("test.PlacedV2",
                "package test;",
                "@io.factum.annotation.Event(name = \"OrderPlaced\", version = 2)",
                "public record PlacedV2(String id, int quantity) {}");

        assertThat(compile(v1, v2)).succeeded();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Object                         | java.lang.Object              | the codec generator knows no JSON form for java.lang.Object",
            "java.util.Date                 | java.util.Date                | the codec generator knows no JSON form for java.util.Date",
            "java.util.List                 | java.util.List                | it is a raw type; declare its element type, e.g. List<String>",
            "java.util.Map<Integer, String> | java.util.Map<java.lang.Integer,java.lang.String> | map keys must be String",
            "java.util.List<? extends CharSequence> | java.util.List<? extends java.lang.CharSequence> | wildcards are not supported",
            "Runnable                       | java.lang.Runnable            | it is an interface",
            "java.util.List<Object>         | java.util.List<java.lang.Object> | the codec generator knows no JSON form for java.lang.Object",
            "char[]                         | char[]                        | char[] is not supported; use a String",
            "int[][]                        | int[][]                       | multi-dimensional arrays are not supported",
            "java.util.List<String>[]       | java.util.List<java.lang.String>[] | arrays of generic types cannot be created safely",
            "java.util.Optional<String>[]   | java.util.Optional<java.lang.String>[] | arrays of generic types cannot be created safely",
    })
    void unsupportedComponentTypeIsAnErrorOnTheComponent(String type, String shown, String reason) {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(String id,",
                "                     " + type + " value) {}");

        Recorded recorded = compileRecording(file);
        Compilation compilation = recorded.compilation();

        assertThat(compilation).hadErrorContaining("[Factum/UnsupportedType] component 'value' has type " + shown
                        + ", which the generated JSON codec cannot encode: " + reason)
                .inFile(file).onLine(5);
        assertThat(compilation).hadErrorContaining("Fix: use one of these, declare the value as a record"
                + " (nested records need no annotation), or store it as a String");
        assertThat(compilation).hadErrorCount(1);
        Assertions.assertThat(recorded.generatedSources()).isEmpty();
    }

    @Test
    void typeVariableComponentIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed<T>(",
                "        T value) {}");

        assertThat(compile(file))
                .hadErrorContaining("[Factum/UnsupportedType] component 'value' has type T, which the generated JSON"
                        + " codec cannot encode: it is a type variable")
                .inFile(file).onLine(5);
    }

    @Test
    void privateNestedTypeIsAnErrorOnTheComponent() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(",
                "        Kind kind) {",
                "    private enum Kind { A }",
                "}");

        assertThat(compile(file))
                .hadErrorContaining("cannot encode: the enum Kind is private; make it package-private or public")
                .inFile(file).onLine(5);
    }

    @Test
    void nestedRecordWithAnUnsupportedComponentIsReportedOnItAndOnTheEventComponent() {
        JavaFileObject line = source("test.Line",
                "package test;",
                "",
                "public record Line(String sku,",
                "                   Object payload) {}");
        JavaFileObject placed = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(String id,",
                "                     java.util.List<Line> lines) {}");

        Recorded recorded = compileRecording(line, placed);
        Compilation compilation = recorded.compilation();

        assertThat(compilation).hadErrorContaining("[Factum/UnsupportedType] component 'payload' has type java.lang.Object")
                .inFile(line).onLine(4);
        assertThat(compilation).hadErrorContaining("[Factum/NestedRecordInvalid] component 'lines' uses record test.Line,"
                        + " which has components the JSON codec cannot encode (see the errors reported on Line)")
                .inFile(placed).onLine(5);
        assertThat(compilation).hadErrorCount(2);
        Assertions.assertThat(recorded.generatedSources()).isEmpty();
    }

    /** The nested record is an event too, met first through the other event: its errors count for it as well. */
    @Test
    void anInvalidEventAlsoUsedByAnEarlierEventIsAbandonedWithoutAnInternalError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(String id,",
                "                     Line line) {}",
                "",
                "@io.factum.annotation.Event",
                "record Line(String sku,",
                "            Object payload) {}");

        Recorded recorded = compileRecording(file);
        Compilation compilation = recorded.compilation();

        assertThat(compilation).hadErrorContaining("[Factum/UnsupportedType] component 'payload' has type java.lang.Object")
                .inFile(file).onLine(9);
        assertThat(compilation).hadErrorContaining("[Factum/NestedRecordInvalid] component 'line' uses record test.Line")
                .inFile(file).onLine(5);
        assertThat(compilation).hadErrorCount(2);
        Assertions.assertThat(recorded.generatedSources()).isEmpty();
    }

    @Test
    void nullableOnAPrimitiveIsAnError() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(String id,",
                "        @Nullable int quantity) {",
                "    @interface Nullable {}",
                "}");

        assertThat(compile(file))
                .hadErrorContaining("[Factum/NullablePrimitive] component 'quantity' has primitive type int, which can"
                        + " never be null; remove @Nullable, or use Integer if the value may be absent")
                .inFile(file).onLine(5);
    }

    @Test
    void unresolvedComponentTypeIsReportedWhenCompilationEnds() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(String id,",
                "        NotGeneratedByAnyone value) {}");

        Recorded recorded = compileRecording(file);

        assertThat(recorded.compilation()).hadErrorContaining("[Factum/UnresolvedType] component 'value' has type")
                .inFile(file).onLine(5);
        Assertions.assertThat(recorded.generatedSources()).isEmpty();
    }

    @Test
    void anInvalidEventNextToAValidOneAbandonsOnlyItselfWithoutCascade() {
        JavaFileObject invalid = source("test.Broken",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Broken(String id,",
                "                     Object payload) {}");

        Recorded recorded = compileRecording(VALID, invalid);

        assertThat(recorded.compilation()).hadErrorContaining("[Factum/UnsupportedType]").inFile(invalid).onLine(5);
        assertThat(recorded.compilation()).hadErrorCount(1);
        Assertions.assertThat(recorded.generatedSources())
                .filteredOn(name -> name.endsWith("Codec"))
                .containsExactly("test.ValidCodec");
    }

    @Test
    void everyProblemOfOneEventIsReportedInOneCompilation() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event(version = -1)",
                "public record Placed(",
                "        Object a,",
                "        java.util.Date b) {}");

        Compilation compilation = compile(file);

        assertThat(compilation).hadErrorContaining("[Factum/EventVersion]").inFile(file).onLine(3);
        assertThat(compilation).hadErrorContaining("component 'a'").inFile(file).onLine(5);
        assertThat(compilation).hadErrorContaining("component 'b'").inFile(file).onLine(6);
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void anEventWithErrorsAndAnUnresolvedTypeIsReportedOnceNotRetried() {
        JavaFileObject file = source("test.Placed",
                "package test;",
                "",
                "@io.factum.annotation.Event",
                "public record Placed(",
                "        Object payload,",
                "        NotGeneratedByAnyone value) {}");

        Compilation compilation = compile(file);

        assertThat(compilation).hadErrorContaining("[Factum/UnsupportedType] component 'payload'").inFile(file).onLine(5);
        Assertions.assertThat(compilation.errors())
                .filteredOn(error -> error.getMessage(null).contains("[Factum/"))
                .hasSize(1);
    }
}
