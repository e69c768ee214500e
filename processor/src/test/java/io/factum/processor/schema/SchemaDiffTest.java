package io.factum.processor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.processor.schema.SchemaDiff.Change;
import io.factum.processor.schema.SchemaDiff.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison and the file format on their own, for the cases compile tests do not reach easily. */
class SchemaDiffTest {

    @Test
    void aRenameIsOnlyGuessedWhenItIsUnambiguous() {
        EventSchema locked = schema("from: java.lang.String", "to: java.lang.String");
        EventSchema current = schema("origin: java.lang.String");

        assertThat(SchemaDiff.incompatibleChanges(locked, current)).containsExactly(
                new Change(Kind.REMOVED, "from", "java.lang.String", null),
                new Change(Kind.REQUIRED_ADDED, "origin", null, "java.lang.String"),
                new Change(Kind.REMOVED, "to", "java.lang.String", null));
    }

    @Test
    void droppingNullableIsIncompatibleAndAddingItIsNot() {
        EventSchema nullable = schema("note: @Nullable java.lang.String");
        EventSchema required = schema("note: java.lang.String");

        assertThat(SchemaDiff.incompatibleChanges(nullable, required))
                .containsExactly(new Change(Kind.TYPE_CHANGED, "note", "@Nullable java.lang.String", "java.lang.String"));
        assertThat(SchemaDiff.incompatibleChanges(required, nullable)).isEmpty();
    }

    @Test
    void aRenamedNestedRecordComponentReportsTheRenameOnly() {
        EventSchema locked = schema("customer: record", "customer.name: java.lang.String");
        EventSchema current = schema("buyer: record", "buyer.name: java.lang.String");

        assertThat(SchemaDiff.incompatibleChanges(locked, current))
                .containsExactly(new Change(Kind.RENAMED, "customer", "customer", "buyer"));
    }

    @Test
    void enumsInsideContainersAreCompared() {
        EventSchema locked = schema("states: java.util.Set<enum>", "states[]: enum {A, B}");
        EventSchema current = schema("states: java.util.Set<enum>", "states[]: enum {B, C}");

        assertThat(SchemaDiff.incompatibleChanges(locked, current))
                .containsExactly(new Change(Kind.ENUM_CONSTANTS_REMOVED, "states[]", "enum {A, B}", "A"));
    }

    @Test
    void theFileFormatRoundTripsAndSortsByNameThenVersion() {
        EventSchema v10 = new EventSchema("B", 10, "x.B10", props("id: java.lang.String"));
        EventSchema v2 = new EventSchema("B", 2, "x.B2", props("id: java.lang.String", "tags: java.util.List<enum>", "tags[]: enum {}"));
        EventSchema a = new EventSchema("A", 1, "x.A", props("when: @Nullable java.time.Instant"));

        String text = SchemaLockFile.format(List.of(v10, v2, a));

        assertThat(text).isEqualTo(SchemaLockFile.HEADER + """

                event A v1
                  class x.A
                  when: @Nullable java.time.Instant

                event B v2
                  class x.B2
                  id: java.lang.String
                  tags: java.util.List<enum>
                  tags[]: enum {}

                event B v10
                  class x.B10
                  id: java.lang.String
                """);
        assertThat(SchemaLockFile.format(SchemaLockFile.parse(text.lines().toList()).values())).isEqualTo(text);
    }

    @Test
    void aMalformedLockNamesTheLine() {
        assertThatThrownBy(() -> SchemaLockFile.parse(List.of("# c", "event A v1", "  id java.lang.String")))
                .hasMessage("line 3: unexpected `  id java.lang.String`");
        assertThatThrownBy(() -> SchemaLockFile.parse(List.of("event A v1", "  id: int")))
                .hasMessage("event A v1 has no class line");
        assertThatThrownBy(() -> SchemaLockFile.parse(List.of("event A v1", "  class x.A", "event A v1", "  class x.B")))
                .hasMessageContaining("A v1 appears twice");
    }

    private static EventSchema schema(String... properties) {
        return new EventSchema("E", 1, "x.E", props(properties));
    }

    private static Map<String, Property> props(String... lines) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            Property parsed = Property.parse(line.substring(colon + 2));
            boolean mayBeAbsent = parsed.nullable() || parsed.type().startsWith("java.util.");
            properties.put(line.substring(0, colon), new Property(parsed.type(), parsed.nullable(), parsed.enumConstants(), mayBeAbsent));
        }
        return properties;
    }
}
