package io.factum.event;

/**
 * Turns an event record of one schema version into the record of the next version of the same
 * stored name. The processor generates one per {@link io.factum.annotation.Upcast @Upcast}
 * method ({@code <OldRecord>Upcaster}, with a static {@code INSTANCE}) and lists it in the
 * module's {@link EventTypeProvider#upcasters()}; {@link EventTypeRegistry} chains them.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <F> the record of version N
 * @param <T> the record of version N + 1
 */
public interface Upcaster<F, T> {

    /** The record class of the older version. */
    Class<F> from();

    /** The record class of the next version. */
    Class<T> to();

    /** The next version of {@code event}; never null. */
    T upcast(F event);
}
