package io.factum.bus;

/** A subscription on a bus; {@link #close()} unsubscribes. Idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
