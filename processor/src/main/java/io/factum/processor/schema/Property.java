package io.factum.processor.schema;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The locked shape of one JSON property of an event: a record component, or a node inside one
 * (the element of a list, the value of a map, the content of an optional).
 *
 * <p>Types are written as the codec sees them: JDK types by qualified name, nested records as
 * {@code record} (their components follow as their own properties) and enums as
 * {@code enum {A, B}}, so renaming a nested record or enum class, which does not change the JSON,
 * does not change the lock.
 *
 * @param type          the rendered type, without {@code @Nullable}; {@code enum} for enums
 * @param nullable      annotated {@code @Nullable}: null and absent are accepted on read
 * @param enumConstants the constants when {@code type} is {@code enum}, else empty
 * @param mayBeAbsent   stored JSON may lack it (Optional, collection, array or {@code @Nullable}); only known for
 *                      properties read from code, never compared
 * @param personal      a {@code @PersonalData} component: stored sealed, not as its plain JSON
 */
record Property(String type, boolean nullable, SortedSet<String> enumConstants, boolean mayBeAbsent, boolean personal) {

    static final String ENUM = "enum";
    static final String RECORD = "record";
    private static final String NULLABLE = "@Nullable ";
    private static final String PERSONAL = "@PersonalData ";

    /** A property stored as plain JSON. */
    Property(String type, boolean nullable, SortedSet<String> enumConstants, boolean mayBeAbsent) {
        this(type, nullable, enumConstants, mayBeAbsent, false);
    }

    Property {
        enumConstants = Collections.unmodifiableSortedSet(new TreeSet<>(enumConstants));
    }

    boolean isEnum() {
        return type.equals(ENUM);
    }

    /** Same type, nullability and enum constants: what the lock compares. */
    boolean sameShape(Property other) {
        return type.equals(other.type) && nullable == other.nullable && enumConstants.equals(other.enumConstants)
                && personal == other.personal;
    }

    /**
     * As written in the lock: {@code @Nullable java.lang.String}, {@code enum {CONFIRMED, PENDING}},
     * {@code @PersonalData java.util.Optional<java.lang.String>}.
     */
    String render() {
        String shown = isEnum() ? ENUM + " {" + String.join(", ", enumConstants) + "}" : type;
        return (personal ? PERSONAL : "") + (nullable ? NULLABLE + shown : shown);
    }

    /** The inverse of {@link #render}. */
    static Property parse(String text) {
        boolean personal = text.startsWith(PERSONAL);
        String rendered = personal ? text.substring(PERSONAL.length()) : text;
        boolean nullable = rendered.startsWith(NULLABLE);
        String shown = nullable ? rendered.substring(NULLABLE.length()) : rendered;
        if (shown.startsWith(ENUM + " {") && shown.endsWith("}")) {
            String constants = shown.substring(ENUM.length() + 2, shown.length() - 1).trim();
            Set<String> names = new TreeSet<>();
            for (String constant : constants.isEmpty() ? new String[0] : constants.split(",")) {
                names.add(constant.trim());
            }
            return new Property(ENUM, nullable, new TreeSet<>(names), nullable, personal);
        }
        return new Property(shown, nullable, new TreeSet<>(), nullable, personal);
    }
}
