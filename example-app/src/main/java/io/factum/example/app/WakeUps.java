package io.factum.example.app;

import io.factum.bus.Registration;
import io.factum.subscription.AppendSignal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link AppendSignal} the subscriptions can be built with before anything fires it; the
 * PostgreSQL {@code LISTEN/NOTIFY} listener is connected to it only when reactions start.
 */
final class WakeUps implements AppendSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Registration onAppend(Runnable wake) {
        listeners.add(wake);
        return () -> listeners.remove(wake);
    }

    /** Wakes every registered subscription. */
    void fire() {
        listeners.forEach(Runnable::run);
    }
}
