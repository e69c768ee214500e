package io.factum.bus;

import io.factum.FactumException;

/**
 * {@link AsyncEventBus#close()} ran out of time: some events were not delivered. The report
 * says which, per subscriber. Call {@link AsyncEventBus#close(java.time.Duration)} to get the
 * report without an exception.
 */
public class UndeliveredEventsException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final transient ShutdownReport report;

    public UndeliveredEventsException(ShutdownReport report) {
        super("The event bus closed with " + report.undeliveredCount() + " event(s) not delivered: " + report);
        this.report = report;
    }

    public ShutdownReport report() {
        return report;
    }
}
