package io.factum.aggregate;

/**
 * Told of every load of an {@link AggregateRepository} ({@code load} and {@code find}), after it ended;
 * factum-micrometer's {@code AggregateLoadMetrics} turns it into {@code factum.aggregate.load}. A repository
 * without a listener does not read the clock. Called on the loading thread: keep it short, and do not
 * throw (an exception replaces the load's result).
 */
@FunctionalInterface
public interface AggregateLoadListener {

    void loaded(AggregateLoad load);

    /**
     * One load.
     *
     * @param aggregateType  the aggregate type's name, e.g. {@code Order}
     * @param outcome        whether the stream had events, had none, or the load threw
     * @param eventsReplayed events applied to the aggregate (its stream's length); 0 when absent or failed
     * @param nanos          how long the load took, by {@link System#nanoTime()}
     */
    record AggregateLoad(String aggregateType, Outcome outcome, long eventsReplayed, long nanos) {}

    /** How a load ended. */
    enum Outcome {
        /** The stream had events; the aggregate was rebuilt. */
        FOUND,
        /** The stream had no events ({@code find} returned empty, {@code load} threw {@link AggregateNotFoundException}). */
        ABSENT,
        /** Reading or replaying threw (a database error, an event that does not decode). */
        FAILURE
    }
}
