package io.factum.processor.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text format of the event schema lock: one block per stored (name, version), sorted by name
 * then version; inside a block the record class, then one line per JSON property in tree order.
 * Deterministic, so the lock only changes when a schema does, and diffs read well in review.
 *
 * <pre>
 * event OrderCreated v2
 *   class com.example.order.OrderCreated
 *   customer: record
 *   customer.email: &#64;Nullable java.lang.String
 *   customer.name: java.lang.String
 *   lines: java.util.List&lt;record&gt;
 *   lines[].quantity: int
 *   lines[].sku: java.lang.String
 *   status: enum {CONFIRMED, PENDING}
 * </pre>
 */
final class SchemaLockFile {

    static final String HEADER = """
            # Factum event schema lock: the stored JSON shape of every event type (stored name + schema version).
            # Written by the Factum annotation processor. Commit it with your code; do not edit it by hand.
            # A change that already stored events could not be read with is a compile error.
            # How to change an event: docs/schema-evolution.md
            """;

    private static final String EVENT = "event ";
    private static final String CLASS = "  class ";
    private static final String INDENT = "  ";

    private SchemaLockFile() {}

    static String format(Collection<EventSchema> schemas) {
        Map<EventSchema.Key, EventSchema> sorted = new TreeMap<>(EventSchema.Key.ORDER);
        for (EventSchema schema : schemas) {
            sorted.put(schema.key(), schema);
        }
        StringBuilder text = new StringBuilder(HEADER);
        for (EventSchema schema : sorted.values()) {
            text.append('\n').append(EVENT).append(schema.storedName()).append(" v").append(schema.version()).append('\n');
            text.append(CLASS).append(schema.className()).append('\n');
            for (Map.Entry<String, Property> property : schema.properties().entrySet()) {
                text.append(INDENT).append(property.getKey()).append(": ").append(property.getValue().render()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Parses a lock written by {@link #format}.
     *
     * @throws IllegalArgumentException naming the line that is not in the format
     */
    static Map<EventSchema.Key, EventSchema> parse(List<String> lines) {
        Map<EventSchema.Key, EventSchema> schemas = new TreeMap<>(EventSchema.Key.ORDER);
        String name = null;
        int version = 0;
        String className = null;
        Map<String, Property> properties = new LinkedHashMap<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            if (line != null && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            if (line == null || line.startsWith(EVENT)) {
                if (name != null) {
                    if (className == null) {
                        throw new IllegalArgumentException("event " + name + " v" + version + " has no class line");
                    }
                    EventSchema schema = new EventSchema(name, version, className, properties);
                    if (schemas.put(schema.key(), schema) != null) {
                        throw new IllegalArgumentException("line " + i + ": " + schema.key().label() + " appears twice");
                    }
                }
                if (line == null) {
                    break;
                }
                String identity = line.substring(EVENT.length());
                int v = identity.lastIndexOf(" v");
                if (v <= 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expected `event <name> v<version>`, found `" + line + "`");
                }
                name = identity.substring(0, v);
                version = parseVersion(identity.substring(v + 2), i + 1);
                className = null;
                properties = new LinkedHashMap<>();
            } else if (name != null && line.startsWith(CLASS)) {
                className = line.substring(CLASS.length()).trim();
            } else if (name != null && line.startsWith(INDENT) && line.indexOf(": ") > 0) {
                int colon = line.indexOf(": ");
                properties.put(line.substring(INDENT.length(), colon), Property.parse(line.substring(colon + 2).trim()));
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + ": unexpected `" + line + "`");
            }
        }
        return schemas;
    }

    private static int parseVersion(String text, int lineNumber) {
        try {
            int version = Integer.parseInt(text.trim());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("line " + lineNumber + ": `" + text + "` is not a schema version (1, 2, ...)");
    }
}
