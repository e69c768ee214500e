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

    // ---- versioning: upcasters and the event schema lock (owned by io.factum.processor.upcast and .schema) ----
    UPCAST_NOT_STATIC("UpcastNotStatic",
            "@Upcast method %s must be static: the generated upcaster calls it without an instance; add `static`"),
    UPCAST_PRIVATE("UpcastPrivate",
            "@Upcast method %s must not be private: the generated upcaster calls it from package %s; make it package-private or public"),
    UPCAST_IN_PRIVATE_CLASS("UpcastInPrivateClass",
            "@Upcast method %s is declared in private class %s, which the generated upcaster cannot reach; make the class package-private"),
    UPCAST_GENERIC("UpcastGeneric",
            "@Upcast method %s must not declare type parameters; an upcaster turns one concrete @Event record into the next"),
    UPCAST_ARITY("UpcastArity",
            "@Upcast methods take exactly one parameter, the event of version N; %s takes %d. Write one method per step: `@Upcast static OrderCreated upcast(OrderCreatedV1 old)`"),
    UPCAST_VOID("UpcastVoid",
            "@Upcast method %s returns nothing; return the next version of the event (the @Event record with the same stored name and version N + 1)"),
    UPCAST_CHECKED_EXCEPTION("UpcastCheckedException",
            "@Upcast method %s declares checked exception %s; upcasting runs while events are read, so throw an unchecked exception for data that cannot be upcast"),
    UPCAST_NOT_EVENT("UpcastNotEvent",
            "The %s of @Upcast method %s is %s, which is not an @Event record; an upcaster turns an @Event record of version N into the one of version N + 1 of the same stored name"),
    UPCAST_NAME_MISMATCH("UpcastNameMismatch",
            "@Upcast method %s turns %s (stored as %s) into %s (stored as %s); both versions must share one stored name: give %s `@Event(name = \"%s\", version = %d)`"),
    UPCAST_NOT_CONSECUTIVE("UpcastNotConsecutive",
            "@Upcast method %s turns %s v%d into v%d; an upcaster goes exactly one version up, so chains never skip a version nor loop. Return the v%d record and upcast that in a method of its own"),
    UPCAST_DUPLICATE("UpcastDuplicate",
            "Two @Upcast methods turn %s v%d into v%d: %s and this one; keep exactly one"),
    UPCAST_NAME_CLASH("UpcastNameClash",
            "The upcaster generated for this method would be %s, which the upcaster of %s already uses; declare the @Upcast method in another package"),
    UPCAST_UNRESOLVED("UpcastUnresolved",
            "@Upcast method %s refers to %s, which could not be resolved; make sure the event record compiles"),
    UPCAST_MISSING("UpcastMissing",
            "%s is %s v%d, an old version (the current one is v%d), but no @Upcast method turns it into v%d; add `@Upcast static %s upcast(%s old)` so stored v%d events can still be read"),
    UPCAST_GAP("UpcastGap",
            "Event %s has versions %s but no v%d; declare `@Event(name = \"%s\", version = %d) record ...` with an @Upcast method into it and one out of it, or renumber the versions without gaps"),
    OLD_VERSION_HANDLED("OldVersionHandled",
            "%s is %s v%d, an old version (the current one is v%d, %s); @%s methods only ever receive current versions because old ones are upcast on read. Handle %s instead and remove this method (and keep old records out of sealed event families)"),
    OLD_VERSION_IN_FAMILY("OldVersionInFamily",
            "%s is %s v%d, an old version (the current one is v%d, %s), but it implements sealed interface %s; old versions are never recorded, applied or published, so keep them out of event families: remove `implements %s` (and %s from its permits clause)"),
    CURRENT_VERSION_MISSING("CurrentVersionMissing",
            "The schema lock %s records %s v%d (class %s), but the highest version in the code is v%d: stored v%d events could no longer be read. Restore the v%d record; if v%d was never released, accept the removal with -Afactum.schemaLock.update=true"),
    SCHEMA_COMPONENT_REMOVED("SchemaComponentRemoved",
            "%s: component '%s' (%s) was removed, but the schema lock %s records it for %s v%d. %s"),
    SCHEMA_COMPONENT_RENAMED("SchemaComponentRenamed",
            "%s: component '%s' was renamed to '%s', but the schema lock %s records '%s' for %s v%d and stored JSON uses that name. %s"),
    SCHEMA_TYPE_CHANGED("SchemaTypeChanged",
            "%s: component '%s' changed type from %s to %s since the schema lock %s recorded %s v%d. %s"),
    SCHEMA_ENUM_CONSTANT_REMOVED("SchemaEnumConstantRemoved",
            "%s: component '%s' lost enum constants %s, which stored %s v%d events may hold (schema lock %s). %s"),
    SCHEMA_REQUIRED_ADDED("SchemaRequiredAdded",
            "%s: new component '%s' (%s) is required, but stored %s v%d events do not have it (schema lock %s). Make it Optional, a collection or @Nullable so it may be absent, or: %s"),
    SCHEMA_NAME_CHANGED("SchemaNameChanged",
            "%s was stored as %s v%d (schema lock %s) and is now %s v%d: events stored as %s v%d could no longer be read. Keep `@Event(name = \"%s\", version = %d)` on it (renaming the class is fine) and declare the new version as its own record; if nothing was ever stored, accept the change with -Afactum.schemaLock.update=true"),
    SCHEMA_RENAMED_WITH_CLASS("SchemaRenamedWithClass",
            "%s looks like %s v%d renamed: the schema lock %s records that event with the same shape for class %s, which is gone. Renaming the class changed the stored name (by default the simple class name), so stored %s events could no longer be read. Keep `@Event(name = \"%s\", version = %d)` on %s; if it really is a new event and %s was never stored, accept with -Afactum.schemaLock.update=true"),
    SCHEMA_EVENT_REMOVED("SchemaEventRemoved",
            "The schema lock %s records %s v%d (class %s), but no record declares it any more; stored events of that type can no longer be read. The entry stays in the lock; if none was ever stored, drop it with -Afactum.schemaLock.update=true"),
    SCHEMA_LOCK_UNREADABLE("SchemaLockUnreadable",
            "Cannot read the event schema lock %s: %s. Restore it from version control, or delete it to record the current schema again"),
    SCHEMA_LOCK_UNWRITABLE("SchemaLockUnwritable",
            "Cannot write the event schema lock %s: %s. Point -Afactum.schemaLock=<path> at a writable file, or -Afactum.schemaLock=off to disable the lock"),
    SCHEMA_LOCK_UNLOCATED("SchemaLockUnlocated",
            "Factum could not find the project directory from the class output %s, so event schemas are not locked; set -Afactum.schemaLock=<path to factum-schema.lock> (or =off to silence this)"),

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
