package io.factum.example.shared;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.AggregateRoot;
import io.factum.event.EventEnvelope;
import io.factum.store.Metadata;
import java.util.List;
import java.util.function.Consumer;

/** The load → command → save cycle every application service runs. */
public final class Aggregates {

    private Aggregates() {}

    /**
     * Loads the aggregate {@code id} (rebuilt by replay), runs {@code command} on it and saves what it
     * recorded, expecting the stream to be where it was loaded. If the command throws, nothing is saved.
     *
     * @param what the aggregate as users call it ("order"), for the not-found message
     * @return the committed events, with their revisions and positions
     * @throws NotFoundException     if there is no such aggregate
     * @throws InvalidInputException if {@code id} is not a valid id
     */
    public static <A extends AggregateRoot<E>, E> List<EventEnvelope<E>> change(
            AggregateRepository<A, E> repository, String what, String id, Metadata metadata, Consumer<A> command) {
        A aggregate = load(repository, what, id);
        command.accept(aggregate);
        return repository.save(aggregate, metadata);
    }

    /** Loads the aggregate {@code id}, rebuilt by replay. */
    public static <A extends AggregateRoot<E>, E> A load(AggregateRepository<A, E> repository, String what, String id) {
        Ids.require(what, id);
        return repository.find(id).orElseThrow(() -> new NotFoundException(capitalized(what), id));
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
