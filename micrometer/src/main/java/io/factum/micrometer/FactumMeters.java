package io.factum.micrometer;

/**
 * The names of every meter, observation and tag this module creates, all under {@code factum.}. Tags
 * are low-cardinality by design: store kind, subscription name, subscriber name, event type, outcome;
 * never a stream id or an event id.
 */
public final class FactumMeters {

    /** Timer of appends; tags {@link #STORE}, {@link #OUTCOME}. Its count is the number of appends. */
    public static final String STORE_APPEND = "factum.store.append";
    /** Distribution summary of events per append; tag {@link #STORE}. */
    public static final String STORE_APPEND_EVENTS = "factum.store.append.events";
    /** Distribution summary of appends per group commit (JDBC stores, {@link GroupCommitMetrics}); tag {@link #STORE}. */
    public static final String STORE_GROUP_COMMIT_APPENDS = "factum.store.group.commit.appends";
    /** Distribution summary of events per group commit; tag {@link #STORE}. */
    public static final String STORE_GROUP_COMMIT_EVENTS = "factum.store.group.commit.events";
    /** Counter of group commits that rolled back and were written one append at a time; tag {@link #STORE}. */
    public static final String STORE_GROUP_COMMIT_FALLBACKS = "factum.store.group.commit.fallbacks";
    /** Timer of reads; tags {@link #STORE}, {@link #READ} ({@code stream} or {@code all}). */
    public static final String STORE_READ = "factum.store.read";
    /** Counter of events read; tags {@link #STORE}, {@link #READ}. For {@code read=stream}: the events replayed by repositories. */
    public static final String STORE_READ_EVENTS = "factum.store.read.events";

    /** Counter of events published; tags {@link #BUS}, {@link #EVENT_TYPE}. */
    public static final String BUS_PUBLISHED = "factum.bus.published";
    /** Counter of publishes that threw (a synchronous subscriber failed, or the bus was full); tags {@link #BUS}, {@link #EVENT_TYPE}. */
    public static final String BUS_PUBLISH_FAILURES = "factum.bus.publish.failures";
    /** Timer of publishes, only when timing is turned on ({@link MeteredEventBus.Options#timed}); tag {@link #BUS}. */
    public static final String BUS_PUBLISH = "factum.bus.publish";
    /** Timer of asynchronous handler calls; tags {@link #SUBSCRIBER}, {@link #OUTCOME}. */
    public static final String BUS_HANDLER = "factum.bus.handler";
    /** Gauge: events waiting in an asynchronous subscriber's queue; tag {@link #SUBSCRIBER}. */
    public static final String BUS_QUEUE = "factum.bus.queue";
    /** Function counter: asynchronous handler calls that threw (each retry counts); tag {@link #SUBSCRIBER}. */
    public static final String BUS_FAILED_ATTEMPTS = "factum.bus.failed.attempts";
    /** Function counter: events an asynchronous subscriber dead-lettered; tag {@link #SUBSCRIBER}. */
    public static final String BUS_DEAD_LETTERED = "factum.bus.dead.lettered";
    /** Gauge: dead letters held now (all subscribers). */
    public static final String BUS_DEAD_LETTERS = "factum.bus.dead.letters";

    /** Gauge: head position of the store minus the subscription's checkpoint; tag {@link #SUBSCRIPTION}. */
    public static final String SUBSCRIPTION_LAG = "factum.subscription.lag";
    /** Gauge: the subscription's checkpoint; tag {@link #SUBSCRIPTION}. */
    public static final String SUBSCRIPTION_POSITION = "factum.subscription.position";
    /** Gauge: events the subscription has parked; tag {@link #SUBSCRIPTION}. */
    public static final String SUBSCRIPTION_PARKED = "factum.subscription.parked";
    /** Gauge: 1 for the subscription's current status, 0 for the others; tags {@link #SUBSCRIPTION}, {@link #STATUS}. */
    public static final String SUBSCRIPTION_STATUS = "factum.subscription.status";
    /** Timer of handler and projection calls; tags {@link #SUBSCRIPTION}, {@link #OUTCOME}. Its count is the events handled. */
    public static final String SUBSCRIPTION_HANDLE = "factum.subscription.handle";

    /** Gauge: the store's head position minus the position a Kafka relay committed (factum-kafka); tag {@link #RELAY}. */
    public static final String RELAY_LAG = "factum.relay.lag";
    /** Gauge: the last global position a Kafka relay committed to Kafka; tag {@link #RELAY}. */
    public static final String RELAY_POSITION = "factum.relay.position";
    /** Gauge: 1 while this instance of a Kafka relay relays (runs and holds the fleet's lease), else 0; tag {@link #RELAY}. */
    public static final String RELAY_ACTIVE = "factum.relay.active";
    /** Gauge: 1 for the relay's current status, 0 for the others; tags {@link #RELAY}, {@link #STATUS}. */
    public static final String RELAY_STATUS = "factum.relay.status";
    /** Timer of repository loads; tags {@link #AGGREGATE}, {@link #OUTCOME} ({@code found}, {@code absent}, {@code failure}). */
    public static final String AGGREGATE_LOAD = "factum.aggregate.load";
    /** Distribution summary of the events one load replayed (loads that found the aggregate); tag {@link #AGGREGATE}. */
    public static final String AGGREGATE_LOAD_EVENTS = "factum.aggregate.load.events";

    /** Observation (span) around an append; it writes the trace context into the events' metadata. */
    public static final String APPEND_OBSERVATION = "factum.append";
    /** Observation (span) around handling one event in a subscription; it continues the append's trace. */
    public static final String HANDLE_OBSERVATION = "factum.handle";

    /** Tag: the store kind ({@code postgresql}, {@code sqlite}, {@code memory}) or a name given. */
    public static final String STORE = "store";
    /** Tag: {@code success}, {@code conflict} (wrong expected revision), {@code duplicate}, {@code failure}. */
    public static final String OUTCOME = "outcome";
    /** Tag: {@code stream} or {@code all}. */
    public static final String READ = "read";
    /** Tag: {@code sync} or {@code async}, or a name given. */
    public static final String BUS = "bus";
    /** Tag: the stored event type name. */
    public static final String EVENT_TYPE = "event.type";
    /** Tag: the subscriber name, e.g. {@code Notifications.onOrderPaid}. */
    public static final String SUBSCRIBER = "subscriber";
    /** Tag: the aggregate type's name, e.g. {@code Order}. */
    public static final String AGGREGATE = "aggregate";
    /** Tag: the subscription name. */
    public static final String SUBSCRIPTION = "subscription";
    /** Tag: the Kafka relay's name. */
    public static final String RELAY = "relay";
    /** Tag: {@code NEW}, {@code RUNNING}, {@code STOPPED}, {@code FAILED}. */
    public static final String STATUS = "status";

    private FactumMeters() {}
}
