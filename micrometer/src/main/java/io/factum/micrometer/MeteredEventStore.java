package io.factum.micrometer;

import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventStore} that measures its delegate: appends ({@value FactumMeters#STORE_APPEND}, by outcome),
 * events per append, reads and events read; and, given an {@link ObservationRegistry}, wraps each append in
 * a {@value FactumMeters#APPEND_OBSERVATION} observation whose trace context (W3C {@code traceparent} with a
 * tracing bridge) is written into every appended event's metadata headers, so a subscription that handles
 * the event later continues the same trace ({@link ObservedHandlers}).
 *
 * <p>Everything else is the delegate's: results and errors pass through unchanged, and {@link #close()}
 * closes the delegate.
 */
public final class MeteredEventStore implements EventStore {

    private final EventStore delegate;
    private final String storeName;
    private final ObservationRegistry observations;
    private final Timer appendSuccess;
    private final Timer appendConflict;
    private final Timer appendDuplicate;
    private final Timer appendFailure;
    private final DistributionSummary eventsPerAppend;
    private final Timer readStream;
    private final Timer readAll;
    private final Counter eventsReadFromStreams;
    private final Counter eventsReadFromAll;

    /** Meters only, no observations. */
    public MeteredEventStore(EventStore delegate, MeterRegistry meters) {
        this(delegate, meters, ObservationRegistry.NOOP);
    }

    /** Meters and observations; the store tag is the delegate's kind ({@link #kindOf}). */
    public MeteredEventStore(EventStore delegate, MeterRegistry meters, ObservationRegistry observations) {
        this(delegate, kindOf(delegate), meters, observations);
    }

    /**
     * @param storeName the {@value FactumMeters#STORE} tag, e.g. {@code postgresql}; keep it to a few fixed values
     */
    public MeteredEventStore(EventStore delegate, String storeName, MeterRegistry meters, ObservationRegistry observations) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.observations = Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(meters, "meters");
        this.appendSuccess = appendTimer(meters, "success");
        this.appendConflict = appendTimer(meters, "conflict");
        this.appendDuplicate = appendTimer(meters, "duplicate");
        this.appendFailure = appendTimer(meters, "failure");
        this.eventsPerAppend = DistributionSummary.builder(FactumMeters.STORE_APPEND_EVENTS)
                .description("Events per append").baseUnit("events")
                .tag(FactumMeters.STORE, storeName).register(meters);
        this.readStream = readTimer(meters, "stream");
        this.readAll = readTimer(meters, "all");
        this.eventsReadFromStreams = readCounter(meters, "stream");
        this.eventsReadFromAll = readCounter(meters, "all");
    }

    /** {@code postgresql}, {@code sqlite}, {@code memory}, or the class's simple name for other stores. */
    public static String kindOf(EventStore store) {
        if (store instanceof MeteredEventStore metered) {
            return metered.storeName;
        }
        if (store instanceof PostgresEventStore) {
            return "postgresql";
        }
        if (store instanceof SqliteEventStore) {
            return "sqlite";
        }
        if (store instanceof InMemoryEventStore) {
            return "memory";
        }
        return store.getClass().getSimpleName();
    }

    /** The store this one measures. */
    public EventStore delegate() {
        return delegate;
    }

    @Override
    public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        Observation observation = observations.isNoop() ? null : startAppendObservation();
        List<NewEvent> traced = observation == null ? events : withTraceHeaders(events, observation);
        long start = System.nanoTime();
        Timer outcome = appendFailure;
        try (Observation.Scope scope = observation == null ? null : observation.openScope()) {
            AppendResult result = delegate.append(streamId, expected, traced);
            outcome = appendSuccess;
            return result;
        } catch (WrongExpectedRevisionException e) {
            outcome = appendConflict;
            error(observation, e);
            throw e;
        } catch (DuplicateEventIdException e) {
            outcome = appendDuplicate;
            error(observation, e);
            throw e;
        } catch (RuntimeException | Error e) {
            error(observation, e);
            throw e;
        } finally {
            outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (events != null) {
                eventsPerAppend.record(events.size());
            }
            if (observation != null) {
                observation.stop();
            }
        }
    }

    @Override
    public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
        long start = System.nanoTime();
        List<StoredEvent> events = delegate.readStream(streamId, fromRevision, maxCount);
        readStream.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        eventsReadFromStreams.increment(events.size());
        return events;
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        long start = System.nanoTime();
        List<StoredEvent> events = delegate.readAll(afterPosition, maxCount);
        readAll.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        eventsReadFromAll.increment(events.size());
        return events;
    }

    @Override
    public long streamRevision(String streamId) {
        return delegate.streamRevision(streamId);
    }

    @Override
    public long lastPosition() {
        return delegate.lastPosition();
    }

    @Override
    public long lastPositionCommittedBefore(java.time.Instant time) {
        return delegate.lastPositionCommittedBefore(time);
    }

    /** Closes the delegate. */
    @Override
    public void close() {
        delegate.close();
    }

    private Observation startAppendObservation() {
        SenderContext<Map<String, String>> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
        context.setCarrier(new HashMap<>());
        context.setRemoteServiceName(storeName);
        return Observation.createNotStarted(FactumMeters.APPEND_OBSERVATION, () -> context, observations)
                .contextualName("append " + storeName)
                .lowCardinalityKeyValue(FactumMeters.STORE, storeName)
                .start();
    }

    /** The events with the headers the tracer propagated (none without a tracing bridge: then the same list). */
    private static List<NewEvent> withTraceHeaders(List<NewEvent> events, Observation observation) {
        @SuppressWarnings("unchecked")
        Map<String, String> headers = ((SenderContext<Map<String, String>>) observation.getContext()).getCarrier();
        if (events == null || headers == null || headers.isEmpty()) {
            return events;
        }
        List<NewEvent> traced = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            if (event == null) {
                traced.add(null); // the delegate reports it
                continue;
            }
            var metadata = event.metadata();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                metadata = metadata.withHeader(header.getKey(), header.getValue());
            }
            traced.add(new NewEvent(event.eventId(), event.type(), event.schemaVersion(), event.occurredAt(), metadata,
                    event.payload()));
        }
        return traced;
    }

    private static void error(Observation observation, Throwable e) {
        if (observation != null) {
            observation.error(e);
        }
    }

    private Timer appendTimer(MeterRegistry meters, String outcome) {
        return Timer.builder(FactumMeters.STORE_APPEND).description("Appends to the event store")
                .tag(FactumMeters.STORE, storeName).tag(FactumMeters.OUTCOME, outcome).register(meters);
    }

    private Timer readTimer(MeterRegistry meters, String read) {
        return Timer.builder(FactumMeters.STORE_READ).description("Reads from the event store")
                .tag(FactumMeters.STORE, storeName).tag(FactumMeters.READ, read).register(meters);
    }

    private Counter readCounter(MeterRegistry meters, String read) {
        return Counter.builder(FactumMeters.STORE_READ_EVENTS).description("Events read from the event store")
                .baseUnit("events").tag(FactumMeters.STORE, storeName).tag(FactumMeters.READ, read).register(meters);
    }
}
