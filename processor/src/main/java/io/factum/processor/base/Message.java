package io.factum.processor.base;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with a stable id and its {@link Diagnostic.Kind} (an error
 * unless said otherwise). Each message names the fix. Format arguments follow {@link String#format};
 * a template that names an argument twice refers to it by index ({@code %1$s}), so call sites pass
 * each value once. Model: MapStruct's {@code Message}.
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
    DUPLICATE_EVENT_ON_CLASS_PATH("DuplicateEventOnClassPath", "%1$s is stored as \"%2$s\" v%3$d, but %4$s of module %5$s"
            + " on the class path is stored the same way; the stored name and version select the class when events are"
            + " read, and a registry with both modules would refuse them, so give one of them a different"
            + " @Event(name = ...) or version"),
    NESTED_RECORD_INVALID("NestedRecordInvalid", "component '%s' uses record %s, which has components the JSON codec"
            + " cannot encode (see the errors reported on %s); fix those components"),
    NULLABLE_PRIMITIVE("NullablePrimitive", "component '%s' has primitive type %s, which can never be null; remove"
            + " @Nullable, or use %s if the value may be absent"),
    PERSONAL_DATA_OUTSIDE_EVENT("PersonalDataOutsideEvent", "@%1$s on component '%2$s' of %3$s is never applied:"
            + " only components of an @Event record are encrypted (or name the subject). Mark the component of the event"
            + " that holds a %3$s instead (the whole value is then encrypted), or remove @%1$s"),
    PERSONAL_DATA_NO_SUBJECT("PersonalDataNoSubject", "component '%s' is @PersonalData, but %s has no @DataSubject"
            + " component saying whose data it is, so no key can be chosen; annotate the component that holds the"
            + " person's id, e.g. `@DataSubject String customerId`"),
    DATA_SUBJECT_TWICE("DataSubjectTwice", "%s has a second @DataSubject component '%s' (the first is '%s'); an event"
            + " has one data subject: keep one, or split the event into one per person"),
    DATA_SUBJECT_TYPE("DataSubjectType", "@DataSubject component '%s' has type %s; a data subject is a required"
            + " String, UUID, long or int (its text selects the key), never Optional or @Nullable; use one of these"),
    PERSONAL_DATA_ON_SUBJECT("PersonalDataOnSubject", "component '%s' is both @DataSubject and @PersonalData; the"
            + " subject stays in plain text, since it selects the key that opens the rest. Remove @PersonalData and use"
            + " an id that is not itself personal (e.g. a UUID rather than an email address)"),
    PERSONAL_DATA_NO_REPLACEMENT("PersonalDataNoReplacement", "@PersonalData component '%s' of type %s declares"
            + " nothing to read once its subject is forgotten; declare it Optional<%s>, annotate it @Nullable, or, for a"
            + " String, give the text: @PersonalData(forgotten = \"(forgotten)\")"),
    PERSONAL_DATA_FORGOTTEN_TYPE("PersonalDataForgottenType", "@PersonalData(forgotten = ...) on component '%s' of"
            + " type %s: a forgotten text replaces a plain String only; remove it (an Optional reads as empty once"
            + " forgotten, a @Nullable component as null, a collection as empty)"),
    UNRESOLVED_TYPE("UnresolvedType", "component '%s' has type %s, which was still unresolved when compilation"
            + " ended; fix its import, or make sure the annotation processor that generates it runs"),

    UNRESOLVED_REFERENCE("UnresolvedReference", "%s refers to %s, which does not exist even after the last annotation processing round; "
            + "fix the import or the name, or make sure the processor that generates it runs"),

    // ---- event families (shared by aggregates and subscribers) ----
    FAMILY_MEMBER_NOT_EVENT("FamilyMemberNotEvent", "The sealed event family %s permits %s, which %s not @Event records or sealed "
            + "interfaces of them; annotate each with @Event (events are records), or remove it from the `permits` clause"),
    FAMILY_DUPLICATE_NAME("FamilyDuplicateName", "%s and %s, both events of %s, are stored under the same name '%s', so replay "
            + "could not tell them apart; give one a different @Event(name = ...)"),

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
            "@Upcast method %1$s turns %2$s (stored as %3$s) into %4$s (stored as %5$s); both versions must share one stored name: give %4$s `@Event(name = \"%6$s\", version = %7$d)`"),
    UPCAST_NOT_CONSECUTIVE("UpcastNotConsecutive",
            "@Upcast method %s turns %s v%d into v%d; an upcaster goes exactly one version up, so chains never skip a version nor loop. Return the v%d record and upcast that in a method of its own"),
    UPCAST_DUPLICATE("UpcastDuplicate",
            "Two @Upcast methods turn %s v%d into v%d: %s and this one; keep exactly one"),
    UPCAST_NAME_CLASH("UpcastNameClash",
            "The upcaster generated for this method would be %s, which the upcaster of %s already uses; declare the @Upcast method in another package"),
    UPCAST_UNRESOLVED("UpcastUnresolved",
            "@Upcast method %s refers to %s, which could not be resolved; make sure the event record compiles"),
    UPCAST_MISSING("UpcastMissing",
            "%1$s is %2$s v%3$d, an old version (the current one is v%4$d), but no @Upcast method turns it into v%5$d; add `@Upcast static %6$s upcast(%1$s old)` so stored v%3$d events can still be read"),
    UPCAST_GAP("UpcastGap",
            "Event %1$s has versions %2$s but no v%3$d; declare `@Event(name = \"%1$s\", version = %3$d) record ...` with an @Upcast method into it and one out of it, or renumber the versions without gaps"),
    OLD_VERSION_HANDLED("OldVersionHandled",
            "%1$s is %2$s v%3$d, an old version (the current one is v%4$d, %5$s); @%6$s methods only ever receive current versions because old ones are upcast on read. Handle %5$s instead and remove this method (and keep old records out of sealed event families)"),
    OLD_VERSION_IN_FAMILY("OldVersionInFamily",
            "%1$s is %2$s v%3$d, an old version (the current one is v%4$d, %5$s), but it implements sealed interface %6$s; old versions are never recorded, applied or published, so keep them out of event families: remove `implements %6$s` (and %1$s from its permits clause)"),
    CURRENT_VERSION_MISSING("CurrentVersionMissing",
            "The schema lock %1$s records %2$s v%3$d (class %4$s), but the highest version in the code is v%5$d: stored v%3$d events could no longer be read. Restore the v%3$d record; if v%3$d was never released, accept the removal with -Afactum.schemaLock.update=true"),
    SCHEMA_COMPONENT_REMOVED("SchemaComponentRemoved",
            "%s: component '%s' (%s) was removed, but the schema lock %s records it for %s v%d. %s"),
    SCHEMA_COMPONENT_RENAMED("SchemaComponentRenamed",
            "%1$s: component '%2$s' was renamed to '%3$s', but the schema lock %4$s records '%2$s' for %5$s v%6$d and stored JSON uses that name. %7$s"),
    SCHEMA_TYPE_CHANGED("SchemaTypeChanged",
            "%s: component '%s' changed type from %s to %s since the schema lock %s recorded %s v%d. %s"),
    SCHEMA_PERSONAL_CHANGED("SchemaPersonalChanged",
            "%s: component '%s' is now %4$s, but the schema lock %5$s recorded it as %3$s in %6$s v%7$d. Turning"
                    + " @PersonalData on or off changes what stored events hold (a sealed value or plain JSON), so the"
                    + " events stored so far would no longer decode. %8$s (the upcaster reads the old events as they"
                    + " were stored; new events are written the new way)"),
    SCHEMA_ENUM_CONSTANT_REMOVED("SchemaEnumConstantRemoved",
            "%s: component '%s' lost enum constants %s, which stored %s v%d events may hold (schema lock %s). %s"),
    SCHEMA_REQUIRED_ADDED("SchemaRequiredAdded",
            "%s: new component '%s' (%s) is required, but stored %s v%d events do not have it (schema lock %s). Make it Optional, a collection or @Nullable so it may be absent, or: %s"),
    SCHEMA_NAME_CHANGED("SchemaNameChanged",
            "%1$s was stored as %2$s v%3$d (schema lock %4$s) and is now %5$s v%6$d: events stored as %2$s v%3$d could no longer be read. Keep `@Event(name = \"%2$s\", version = %3$d)` on it (renaming the class is fine) and declare the new version as its own record; if nothing was ever stored, accept the change with -Afactum.schemaLock.update=true"),
    SCHEMA_RENAMED_WITH_CLASS("SchemaRenamedWithClass",
            "%1$s looks like %2$s v%3$d renamed: the schema lock %4$s records that event with the same shape for class %5$s, which is gone. Renaming the class changed the stored name (by default the simple class name), so stored %6$s events could no longer be read. Keep `@Event(name = \"%2$s\", version = %3$d)` on %1$s; if it really is a new event and %6$s was never stored, accept with -Afactum.schemaLock.update=true"),
    SCHEMA_EVENT_REMOVED("SchemaEventRemoved", Diagnostic.Kind.WARNING,
            "The schema lock %s records %s v%d (class %s), but no record declares it any more; stored events of that type can no longer be read. The entry stays in the lock; if none was ever stored, drop it with -Afactum.schemaLock.update=true"),
    SCHEMA_LOCK_UNREADABLE("SchemaLockUnreadable",
            "Cannot read the event schema lock %s: %s. Restore it from version control, or delete it to record the current schema again"),
    SCHEMA_LOCK_UNWRITABLE("SchemaLockUnwritable",
            "Cannot write the event schema lock %s: %s. Point -Afactum.schemaLock=<path> at a writable file, or -Afactum.schemaLock=off to disable the lock"),
    SCHEMA_LOCK_UNLOCATED("SchemaLockUnlocated", Diagnostic.Kind.WARNING,
            "Factum found no build file (pom.xml, build.gradle, build.gradle.kts) in %s or above it, so it cannot tell the project directory and event schemas are not locked; set -Afactum.schemaLock=<path to factum-schema.lock> (or =off to silence this)"),

    // ---- aggregates ----
    AGGREGATE_KIND("AggregateKind", "@Aggregate applies to classes, but %1$s is %2$s; declare `public class %1$s extends AggregateRoot<YourEvent>`"),
    AGGREGATE_ABSTRACT("AggregateAbstract", "@Aggregate class %s is abstract, so the generated %s cannot create it for replay; "
            + "remove `abstract` (aggregates are concrete classes)"),
    AGGREGATE_INNER("AggregateInner", "@Aggregate class %s is an inner class, so the generated %s cannot create it without an "
            + "enclosing instance; declare it `static`, or move it to its own file"),
    AGGREGATE_PRIVATE("AggregatePrivate", "@Aggregate class %s is private (or nested in a private class), so the generated %s "
            + "in the same package cannot use it; make it package-private or public"),
    AGGREGATE_GENERIC("AggregateGeneric", "@Aggregate class %s has type parameters, but the generated %s needs one concrete "
            + "class to create and replay; remove the type parameters"),
    AGGREGATE_CONSTRUCTOR("AggregateConstructor", "@Aggregate class %1$s has no non-private constructor without parameters, so "
            + "the generated %2$s cannot create it for replay; add `%1$s() {}` (package-private is enough) and set the state "
            + "in the @Apply method of the creation event"),
    AGGREGATE_SUPERCLASS("AggregateSuperclass", "@Aggregate class %1$s must extend io.factum.aggregate.AggregateRoot<E>, "
            + "directly or through base classes, where E is its event family, but it extends %2$s; declare "
            + "`class %1$s extends AggregateRoot<YourEvent>` (or extend a base class that does)"),
    AGGREGATE_RAW_ROOT("AggregateRawRoot", "%1$s extends AggregateRoot without a type argument; declare its event family, "
            + "e.g. `extends AggregateRoot<%1$sEvent>` with `sealed interface %1$sEvent permits ...` of @Event records"),
    AGGREGATE_FAMILY_KIND("AggregateFamilyKind", "The event family of %1$s is %2$s, which is not a sealed interface of @Event records, "
            + "an @Event record, or an interface; declare `sealed interface %1$sEvent permits ...` and use it as "
            + "AggregateRoot's type argument"),
    APPLY_OUTSIDE_AGGREGATE("ApplyOutsideAggregate", "@Apply method %1$s is in %2$s, which is neither an @Aggregate class nor a "
            + "base class of aggregates (one that extends AggregateRoot), so nothing would call it; %3$s"),
    APPLY_INACCESSIBLE("ApplyInaccessible", "@Apply method %1$s is inherited from %2$s in package %3$s, but the generated %4$s "
            + "in package %5$s cannot call it there; make the method public (and %2$s public), or declare the base class "
            + "in package %5$s"),
    APPLY_ARITY("ApplyArity", "@Apply methods take exactly one event parameter, but %s takes %d; %s"),
    APPLY_NOT_EVENT("ApplyParameterNotEvent", "The parameter of @Apply method %s is %s, which is not an @Event record; "
            + "apply methods take one event record, e.g. `void on(OrderCreated event)`. For a family, write one @Apply "
            + "method per record"),
    APPLY_NOT_IN_FAMILY("ApplyNotInFamily", "%1$s is not an event of %2$s's family %3$s, so it can never be applied to it; "
            + "add it to the family (implement %3$s, and add it to the `permits` clause if %3$s is sealed) or remove this @Apply method"),
    APPLY_PRIVATE("ApplyPrivate", "@Apply method %s is private, so the generated %s cannot call it; remove `private` "
            + "(package-private is enough)"),
    APPLY_STATIC("ApplyStatic", "@Apply method %s is static, but it applies an event to one aggregate instance; remove `static`"),
    APPLY_RETURN_TYPE("ApplyReturnType", "@Apply method %s returns %s, but apply methods only change the aggregate's state "
            + "and the generated dispatcher would discard the result; declare it `void`"),
    APPLY_CHECKED_EXCEPTION("ApplyCheckedException", "@Apply method %1$s declares the checked exception %2$s, but apply methods also run "
            + "on replay of stored events and must not fail; check the invariant in the command method and remove `throws %2$s`"),
    APPLY_DUPLICATE("ApplyDuplicate", "%s has two @Apply methods for %s (%s and %s); keep one"),
    APPLY_MISSING("ApplyMissing", "Aggregate %1$s does not handle these events of its family %2$s: %3$s. Add an @Apply method for each, "
            + "e.g. `@Apply void on(%4$s event) { ... }`, or list them in @Aggregate(ignores = {...}) if %1$s deliberately "
            + "does not react to them"),
    IGNORE_NOT_IN_FAMILY("IgnoreNotInFamily", "@Aggregate(ignores) lists %s, which is not an event of %s's family %s; remove it from ignores"),
    IGNORE_HAS_APPLY("IgnoreHasApply", "@Aggregate(ignores) lists %s, but %s also has @Apply method %s for it; "
            + "remove it from ignores, or remove the method"),

    // ---- aggregate snapshots (owned by io.factum.processor.aggregate) ----
    SNAPSHOT_NOT_RECORD("SnapshotNotRecord", "@Aggregate(snapshot = %1$s.class) names %2$s, but a snapshot is a record of the "
            + "aggregate's state that the generated codec writes; declare `record %1$s(...)` with one component per piece of state"),
    SNAPSHOT_IS_EVENT("SnapshotIsEvent", "@Aggregate(snapshot = %1$s.class) names an @Event record, but a snapshot is state, not "
            + "an event, and is never appended to a stream; declare a separate record for the snapshot"),
    SNAPSHOT_VERSION("SnapshotVersion", "@Aggregate snapshotVersion must be 1 or greater, was %d; raise it by one whenever a change "
            + "the fingerprint cannot see (a helper method, a constant) changes what a snapshot means"),
    SNAPSHOT_METHOD_MISSING("SnapshotMethodMissing", "@Aggregate(snapshot = %2$s.class) on %1$s needs a method that takes the "
            + "snapshot; add `%2$s snapshot() { return new %2$s(...); }` (package-private is enough)"),
    SNAPSHOT_METHOD_SIGNATURE("SnapshotMethodSignature", "Snapshot method %1$s of %2$s must be an instance method without "
            + "parameters that returns %3$s, is not private and declares no checked exception, so the generated %4$s can call it; "
            + "declare `%3$s snapshot()`"),
    SNAPSHOT_RESTORE_MISSING("SnapshotRestoreMissing", "@Aggregate(snapshot = %2$s.class) on %1$s needs a way to restore it; add "
            + "a constructor `%1$s(%2$s snapshot) { ... }` (package-private is enough) that sets the state the snapshot holds"),
    SNAPSHOT_RESTORE_SIGNATURE("SnapshotRestoreSignature", "Restoring constructor %1$s of %2$s must not be private and must declare "
            + "no checked exception, so the generated %3$s can call it on load; make it package-private and remove the `throws`"),
    SNAPSHOT_FIELD_NOT_READ("SnapshotFieldNotRead", Diagnostic.Kind.WARNING, "Field '%1$s' of %2$s is changed by @Apply method "
            + "%3$s, but %4$s never reads it, so an aggregate restored from a snapshot would lose it; put it into %5$s (and set it "
            + "in the restoring constructor), or make it final if it never changes"),

    // ---- subscribers ----
    SUBSCRIBE_ARITY("SubscribeArity", "@Subscribe methods take the event, optionally followed by its EventEnvelope, but %1$s takes %2$d "
            + "parameters; declare `void %3$s(OrderPaid event)` or `void %3$s(OrderPaid event, EventEnvelope<OrderPaid> envelope)`"),
    SUBSCRIBE_NOT_EVENT("SubscribeParameterNotEvent", "The first parameter of @Subscribe method %s is %s, which is not an @Event "
            + "record or a sealed interface of them; take the event record, or its sealed family to receive every member%s"),
    SUBSCRIBE_ENVELOPE("SubscribeEnvelope", "The second parameter of @Subscribe method %s is %s, but it must be the event's "
            + "envelope; declare it as `EventEnvelope<%s>` (or `EventEnvelope<?>`)"),
    SUBSCRIBE_PRIVATE("SubscribePrivate", "@Subscribe method %s is private, so the generated %s cannot call it; remove `private` "
            + "(package-private is enough)"),
    SUBSCRIBE_STATIC("SubscribeStatic", "@Subscribe method %s is static, but subscriptions are registered for a handler "
            + "instance; remove `static`"),
    SUBSCRIBE_THROWS_THROWABLE("SubscribeThrowsThrowable", "@Subscribe method %s declares `throws %s`, which is neither "
            + "an Exception nor an Error, so the generated subscriber could not pass it on (it wraps checked exceptions in a "
            + "SubscriberException); declare `throws Exception` or narrower"),
    SUBSCRIBE_RETURN_TYPE("SubscribeReturnType", "@Subscribe method %s returns %s, but the bus ignores results (asynchronous "
            + "delivery is chosen when publishing, not by the method); declare it `void`"),
    HANDLER_KIND("HandlerKind", "%s has @Subscribe methods but is %s, so the generated %s.register(bus, handler) could not call "
            + "them on a complete object; declare the @Subscribe methods in a concrete class"),
    HANDLER_PRIVATE("HandlerPrivate", "Handler class %s is private (or nested in a private class), so the generated %s in the "
            + "same package cannot use it; make it package-private or public"),
    HANDLER_GENERIC("HandlerGeneric", "Handler class %s has type parameters; the generated %s registers one concrete class, "
            + "so remove the type parameters"),

    // ---- compile-time routers (@EventRouter) ----
    ROUTER_KIND("RouterKind", "@EventRouter applies to interfaces, but %1$s is %2$s; declare `interface %1$s extends EventPublisher {}`"
            + " and the generated %3$s implements it"),
    ROUTER_PRIVATE("RouterPrivate", "@EventRouter interface %s is private (or nested in a private class), so the generated %s"
            + " in the same package cannot implement it; make it package-private or public"),
    ROUTER_GENERIC("RouterGeneric", "@EventRouter interface %s has type parameters, but the generated %s routes concrete event"
            + " records; remove the type parameters"),
    ROUTER_METHOD("RouterMethod", "@EventRouter interface %s declares abstract method %s, which the generated %s cannot"
            + " implement; it implements only EventPublisher's publish(EventEnvelope<?>): remove the method or give it a"
            + " default body"),
    ROUTER_NO_HANDLERS("RouterNoHandlers", "@EventRouter on %s lists no handler classes, so the generated %s would deliver"
            + " nothing; list them in delivery order, e.g. @EventRouter(handlers = {Shipping.class, Billing.class})"),
    ROUTER_DUPLICATE_HANDLER("RouterDuplicateHandler", "@EventRouter on %s lists %s twice; every handler is listed once,"
            + " in delivery order: remove one of them"),
    ROUTER_NOT_HANDLER("RouterNotHandler", "@EventRouter on %s lists %s, which has no @Subscribe methods, so the router"
            + " would never call it; add @Subscribe methods to %s or remove it from handlers"),
    ROUTER_INVALID_HANDLER("RouterInvalidHandler", "@EventRouter on %s lists %s, whose @Subscribe methods have errors"
            + " (reported on %s when it is compiled); fix them, and the generated %s follows"),
    ROUTER_INACCESSIBLE("RouterInaccessible", "@EventRouter on %s lists %s, but %s is not accessible from package %s,"
            + " where the generated %s calls it; make it public, or declare the router interface in package %s"),

    // ---- module ----
    MODULE_OPTION("ModuleOption", "Processor option -A" + "factum.module=%s is not a valid fully qualified class name; "
            + "use e.g. -Afactum.module=com.example.ordering.OrderingModule"),
    MODULE_EXISTS("ModuleExists", "The generated FactumModule would be %1$s, but a class of that name is already on the"
            + " class path (the module of another compilation unit?), so ServiceLoader would find only one of them and"
            + " the other unit's events would be missing at run time; name this unit's module with"
            + " -Afactum.module=<another fully qualified class name>"),
    MODULE_LATE_ELEMENT("ModuleLateElement", "%1$s arrived in annotation processing round %2$d, after the FactumModule %3$s was "
            + "written, so it is not registered in it; the processor that generates %1$s should run before Factum's, "
            + "or register its event types explicitly"),
    ;

    private final String id;
    private final Diagnostic.Kind kind;
    private final String template;

    Message(String id, String template) {
        this(id, Diagnostic.Kind.ERROR, template);
    }

    Message(String id, Diagnostic.Kind kind, String template) {
        this.id = id;
        this.kind = kind;
        this.template = template;
    }

    public String id() {
        return id;
    }

    /** Whether this is an error, a warning or a note. */
    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The message text with its id prefix, e.g. {@code [Factum/ApplyArity] ...}. */
    public String format(Object... args) {
        return "[Factum/" + id + "] " + String.format(template, args);
    }
}
