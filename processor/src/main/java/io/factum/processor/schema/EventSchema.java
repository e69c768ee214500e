package io.factum.processor.schema;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The locked shape of one stored event type.
 *
 * @param storedName the stored type name
 * @param version    its schema version
 * @param className  the record that declared it when it was locked; informative, and used to notice a
 *                   record whose stored name or version changed
 * @param properties JSON property path → shape, in tree order: {@code lines}, {@code lines[].quantity},
 *                   {@code lines[].sku}; {@code []} is a list, set or array element, {@code {}} a map value,
 *                   {@code ?} the content of an Optional
 */
record EventSchema(String storedName, int version, String className, Map<String, Property> properties) {

    /** Stored name then version: the order of entries in the lock. */
    record Key(String storedName, int version) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::storedName).thenComparingInt(Key::version);

        String label() {
            return storedName + " v" + version;
        }
    }

    EventSchema {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    Key key() {
        return new Key(storedName, version);
    }

    /** The record component a property belongs to: {@code lines[].sku} → {@code lines}. */
    static String componentOf(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == '{' || c == '?') {
                return path.substring(0, i);
            }
        }
        return path;
    }

    /** The node a property hangs under ({@code lines[].sku} → {@code lines[]} → {@code lines}), or null at the top. */
    static String parentOf(String path) {
        if (path.endsWith("[]") || path.endsWith("{}")) {
            return path.substring(0, path.length() - 2);
        }
        if (path.endsWith("?")) {
            return path.substring(0, path.length() - 1);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }
}
