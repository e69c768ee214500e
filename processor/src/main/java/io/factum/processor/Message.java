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

    UNRESOLVED_REFERENCE("UnresolvedReference", "%s refers to %s, which does not exist even after the last annotation processing round; "
            + "fix the import or the name, or make sure the processor that generates it runs"),

    // ---- event families (shared by aggregates and subscribers) ----
    FAMILY_MEMBER_NOT_EVENT("FamilyMemberNotEvent", "The sealed event family %s permits %s, which %s not @Event records or sealed "
            + "interfaces of them; annotate each with @Event (events are records), or remove it from the `permits` clause"),
    FAMILY_DUPLICATE_NAME("FamilyDuplicateName", "%s and %s, both events of %s, are stored under the same name '%s', so replay "
            + "could not tell them apart; give one a different @Event(name = ...)"),

    // ---- aggregates ----
    AGGREGATE_KIND("AggregateKind", "@Aggregate applies to classes, but %s is %s; declare `public class %s extends AggregateRoot<YourEvent>`"),
    AGGREGATE_ABSTRACT("AggregateAbstract", "@Aggregate class %s is abstract, so the generated %s cannot create it for replay; "
            + "remove `abstract` (aggregates are concrete classes)"),
    AGGREGATE_INNER("AggregateInner", "@Aggregate class %s is an inner class, so the generated %s cannot create it without an "
            + "enclosing instance; declare it `static`, or move it to its own file"),
    AGGREGATE_PRIVATE("AggregatePrivate", "@Aggregate class %s is private (or nested in a private class), so the generated %s "
            + "in the same package cannot use it; make it package-private or public"),
    AGGREGATE_GENERIC("AggregateGeneric", "@Aggregate class %s has type parameters, but the generated %s needs one concrete "
            + "class to create and replay; remove the type parameters"),
    AGGREGATE_CONSTRUCTOR("AggregateConstructor", "@Aggregate class %s has no non-private constructor without parameters, so "
            + "the generated %s cannot create it for replay; add `%s() {}` (package-private is enough) and set the state "
            + "in the @Apply method of the creation event"),
    AGGREGATE_SUPERCLASS("AggregateSuperclass", "@Aggregate class %s must extend io.factum.aggregate.AggregateRoot<E> directly, "
            + "where E is its event family, but it extends %s; declare `class %s extends AggregateRoot<YourEvent>`"),
    AGGREGATE_RAW_ROOT("AggregateRawRoot", "%s extends AggregateRoot without a type argument; declare its event family, "
            + "e.g. `extends AggregateRoot<%sEvent>` with `sealed interface %sEvent permits ...` of @Event records"),
    AGGREGATE_FAMILY_KIND("AggregateFamilyKind", "The event family of %s is %s, which is not a sealed interface of @Event records, "
            + "an @Event record, or an interface; declare `sealed interface %sEvent permits ...` and use it as "
            + "AggregateRoot's type argument"),
    APPLY_OUTSIDE_AGGREGATE("ApplyOutsideAggregate", "@Apply method %s is in %s, which is not an @Aggregate class, so nothing "
            + "would call it; annotate %s with @Aggregate, or remove @Apply"),
    APPLY_ARITY("ApplyArity", "@Apply methods take exactly one event parameter, but %s takes %d; %s"),
    APPLY_NOT_EVENT("ApplyParameterNotEvent", "The parameter of @Apply method %s is %s, which is not an @Event record; "
            + "apply methods take one event record, e.g. `void on(OrderCreated event)`. For a family, write one @Apply "
            + "method per record"),
    APPLY_NOT_IN_FAMILY("ApplyNotInFamily", "%s is not an event of %s's family %s, so it can never be applied to it; "
            + "add it to the family (implement %s, and add it to the `permits` clause if %s is sealed) or remove this @Apply method"),
    APPLY_PRIVATE("ApplyPrivate", "@Apply method %s is private, so the generated %s cannot call it; remove `private` "
            + "(package-private is enough)"),
    APPLY_STATIC("ApplyStatic", "@Apply method %s is static, but it applies an event to one aggregate instance; remove `static`"),
    APPLY_RETURN_TYPE("ApplyReturnType", "@Apply method %s returns %s, but apply methods only change the aggregate's state "
            + "and the generated dispatcher would discard the result; declare it `void`"),
    APPLY_CHECKED_EXCEPTION("ApplyCheckedException", "@Apply method %s declares the checked exception %s, but apply methods also run "
            + "on replay of stored events and must not fail; check the invariant in the command method and remove `throws %s`"),
    APPLY_DUPLICATE("ApplyDuplicate", "%s has two @Apply methods for %s (%s and %s); keep one"),
    APPLY_MISSING("ApplyMissing", "Aggregate %s does not handle these events of its family %s: %s. Add an @Apply method for each, "
            + "e.g. `@Apply void on(%s event) { ... }`, or list them in @Aggregate(ignores = {...}) if %s deliberately "
            + "does not react to them"),
    IGNORE_NOT_IN_FAMILY("IgnoreNotInFamily", "@Aggregate(ignores) lists %s, which is not an event of %s's family %s; remove it from ignores"),
    IGNORE_HAS_APPLY("IgnoreHasApply", "@Aggregate(ignores) lists %s, but %s also has @Apply method %s for it; "
            + "remove it from ignores, or remove the method"),

    // ---- subscribers ----
    SUBSCRIBE_ARITY("SubscribeArity", "@Subscribe methods take the event, optionally followed by its EventEnvelope, but %s takes %d "
            + "parameters; declare `void %s(OrderPaid event)` or `void %s(OrderPaid event, EventEnvelope<OrderPaid> envelope)`"),
    SUBSCRIBE_NOT_EVENT("SubscribeParameterNotEvent", "The first parameter of @Subscribe method %s is %s, which is not an @Event "
            + "record or a sealed interface of them; take the event record, or its sealed family to receive every member%s"),
    SUBSCRIBE_ENVELOPE("SubscribeEnvelope", "The second parameter of @Subscribe method %s is %s, but it must be the event's "
            + "envelope; declare it as `EventEnvelope<%s>` (or `EventEnvelope<?>`)"),
    SUBSCRIBE_PRIVATE("SubscribePrivate", "@Subscribe method %s is private, so the generated %s cannot call it; remove `private` "
            + "(package-private is enough)"),
    SUBSCRIBE_STATIC("SubscribeStatic", "@Subscribe method %s is static, but subscriptions are registered for a handler "
            + "instance; remove `static`"),
    SUBSCRIBE_RETURN_TYPE("SubscribeReturnType", "@Subscribe method %s returns %s, but the bus ignores results (asynchronous "
            + "delivery is chosen when publishing, not by the method); declare it `void`"),
    HANDLER_KIND("HandlerKind", "%s has @Subscribe methods but is %s, so the generated %s.register(bus, handler) could not call "
            + "them on a complete object; declare the @Subscribe methods in a concrete class"),
    HANDLER_PRIVATE("HandlerPrivate", "Handler class %s is private (or nested in a private class), so the generated %s in the "
            + "same package cannot use it; make it package-private or public"),
    HANDLER_GENERIC("HandlerGeneric", "Handler class %s has type parameters; the generated %s registers one concrete class, "
            + "so remove the type parameters"),

    // ---- module ----
    MODULE_OPTION("ModuleOption", "Processor option -A" + "factum.module=%s is not a valid fully qualified class name; "
            + "use e.g. -Afactum.module=com.example.ordering.OrderingModule"),
    MODULE_LATE_ELEMENT("ModuleLateElement", "%s arrived in annotation processing round %d, after the FactumModule %s was "
            + "written, so it is not registered in it; the processor that generates %s should run before Factum's, "
            + "or register its event types explicitly"),
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
