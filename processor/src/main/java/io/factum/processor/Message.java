package io.factum.processor;

/**
 * Every diagnostic the processor reports, with a stable id. Each message names the fix.
 * Format arguments follow {@link String#format}.
 */
public enum Message {
    // ---- general ----
    INTERNAL_ERROR("Internal", "Factum's processor failed on this element; please report it with this stack trace:%n%s"),

    // ---- events (owned by io.factum.processor.event) ----
    EVENT_NOT_RECORD("EventNotRecord", "@Event applies to records only; declare %s as `record %s(...)`"),
    EVENT_VERSION("EventVersion", "@Event version must be 1 or greater, was %d; schema versions count up from 1"),
    EVENT_NAME("EventName", "@Event name \"%s\" is not a valid stored name; start with a letter and use only letters,"
            + " digits, '.', '_' and '-' (at most %d characters), e.g. @Event(name = \"OrderCreated\")"),
    EVENT_NOT_ACCESSIBLE("EventNotAccessible", "@Event record %s must be accessible to its generated codec in package"
            + " %s; %s"),
    EVENT_GENERIC("EventGeneric", "@Event record %s cannot be generic: a stored event names one concrete type;"
            + " remove the type parameters %s"),
    DUPLICATE_EVENT("DuplicateEvent", "%s and %s are both stored as \"%s\" v%d; the stored name and version select"
            + " the class when events are read, so give one of them a different @Event(name = ...) or version"),
    UNSUPPORTED_TYPE("UnsupportedType", "component '%s' has type %s, which the generated JSON codec cannot encode:"
            + " %s. Supported types: String, primitives and their boxes, BigDecimal, BigInteger, UUID, Instant,"
            + " LocalDate, LocalDateTime, OffsetDateTime, Duration, enums, records, List<T>, Set<T>, Map<String, V>,"
            + " Optional<T>, byte[] and arrays of non-generic types. Fix: use one of these, declare the value as a"
            + " record (nested records need no annotation), or store it as a String"),
    NESTED_RECORD_INVALID("NestedRecordInvalid", "component '%s' uses record %s, which has components the JSON codec"
            + " cannot encode (see the errors reported on %s); fix those components"),
    NULLABLE_PRIMITIVE("NullablePrimitive", "component '%s' has primitive type %s, which can never be null; remove"
            + " @Nullable, or use %s if the value may be absent"),
    UNRESOLVED_TYPE("UnresolvedType", "component '%s' has type %s, which was still unresolved when compilation"
            + " ended; fix its import, or make sure the annotation processor that generates it runs"),

    // ---- aggregates ----

    // ---- subscribers ----
    ;

    private final String id;
    private final String template;

    Message(String id, String template) {
        this.id = id;
        this.template = template;
    }

    public String id() {
        return id;
    }

    /** The message text with its id prefix, e.g. {@code [Factum/ApplyArity] ...}. */
    public String format(Object... args) {
        return "[Factum/" + id + "] " + String.format(template, args);
    }
}
