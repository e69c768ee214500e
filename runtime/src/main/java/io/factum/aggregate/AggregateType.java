package io.factum.aggregate;

import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;

/**
 * Everything the runtime needs to create, change and replay one kind of aggregate. The processor
 * generates one per {@code @Aggregate} class ({@code OrderAggregateType}); all of it is direct
 * calls to the user's code.
 *
 * @param <A> the aggregate class
 * @param <E> its event family (the type argument of {@link AggregateRoot})
 */
public interface AggregateType<A extends AggregateRoot<E>, E> {

    /** The aggregate name, the prefix of its stream ids. */
    String name();

    Class<A> aggregateClass();

    Class<E> eventFamily();

    /** A new, empty aggregate, ready for replay or for its first command. */
    A newInstance();

    /** Calls the aggregate's {@code @Apply} method for {@code event}; ignored events do nothing. */
    void apply(A aggregate, E event);

    /**
     * Decodes a stored event and applies it. Events stored at the current schema version go
     * straight from bytes to the apply method; others are decoded (and upcast) through
     * {@code registry}.
     *
     * @throws io.factum.event.EventDecodingException    if the payload does not decode
     * @throws io.factum.event.UnknownEventTypeException if the stored type is not an event of this aggregate
     */
    void replay(A aggregate, StoredEvent event, EventTypeRegistry registry);

    /** The stream id of the aggregate with business id {@code id}: {@code name() + "-" + id}. */
    default String streamId(String id) {
        return name() + "-" + id;
    }
}
