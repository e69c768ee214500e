package io.factum.processor.event;

/**
 * One record component as the codec sees it.
 *
 * @param name     the component's name, which is also its JSON property name
 * @param type     the shape of its type
 * @param presence what a missing or null value means
 * @param personal how it is sealed, if it is {@code @PersonalData}; null for a plain component
 */
record PropertyModel(String name, PropertyType type, Presence presence, PersonalModel personal) {

    /** A plain (not personal) component. */
    PropertyModel(String name, PropertyType type, Presence presence) {
        this(name, type, presence, null);
    }

    /** What a codec does when the property is absent or null. */
    enum Presence {
        /** Missing or null on read is an error; null on write is an error. */
        REQUIRED,
        /** {@code Optional<T>}: missing or null reads as {@code Optional.empty()}; empty is written as null. */
        OPTIONAL,
        /** A collection, map or array: missing or null reads as empty; null on write is an error. */
        EMPTY_WHEN_ABSENT,
        /** Annotated {@code @Nullable}: missing or null reads as null; null is written as null. */
        NULLABLE
    }

    /** Whether the Java type is a primitive (always {@link Presence#REQUIRED}). */
    boolean primitive() {
        return type instanceof PropertyType.Scalar scalar && scalar.primitive();
    }
}
