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
