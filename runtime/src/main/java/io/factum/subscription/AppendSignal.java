package io.factum.subscription;

import io.factum.bus.Registration;

/**
 * Tells subscriptions that events may have been appended, so they poll now instead of at the
 * next poll interval. Only an early wake-up: polling stays, so a lost signal delays delivery by
 * at most one interval and loses nothing.
 */
@FunctionalInterface
public interface AppendSignal {

    /** Calls {@code wake} (on any thread, quickly) whenever events may have been appended. */
    Registration onAppend(Runnable wake);
}
