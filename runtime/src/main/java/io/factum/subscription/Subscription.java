package io.factum.subscription;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A catch-up subscription: follows the store's global order from a stored checkpoint and
 * delivers every event, decoded, to a handler or a {@link JdbcProjection}, in batches.
 *
 * <pre>{@code
 * Subscription emails = Subscription.builder("emails", store, registry)
 *         .handler(event -> mailer.send(event), new JdbcCheckpointStore(store))
 *         .build();
 * emails.start();
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>At-least-once for handlers: while catching up the checkpoint is saved at most once per
 *       {@link Builder#checkpointInterval checkpointInterval} (default 1 s), and always once caught up,
 *       when an event is parked, and before a failure or a stop ends the run; a crash repeats the events
 *       handled since the last save. Exactly-once for {@link JdbcProjection}s: batch and checkpoint
 *       commit together.</li>
 *   <li>Never past an event it did not handle: a failing event is retried per {@link RetryPolicy}, then
 *       the subscription stops before it ({@link FailureAction#STOP}, the default) or parks it
 *       ({@link FailureAction#PARK}). An event that cannot be decoded is stopped at or parked the same way.</li>
 *   <li>A restart resumes after the checkpoint; {@link #reset()} starts over from position 0.</li>
 * </ul>
 *
 * <h2>Running</h2>
 * {@link #start()} runs it on a thread of its own, which polls every {@code pollInterval} and
 * earlier when an {@link AppendSignal} fires ({@code SubscriptionRunner}; the polling itself is
 * {@code SubscriptionPoller}, the caught-up signalling {@code CaughtUpSignal}). For deterministic tests call {@link #pollOnce()} or
 * {@link #runUntilCaughtUp()} instead, on the calling thread.
 */
public final class Subscription implements AutoCloseable {

    /** Lifecycle of a subscription. */
    public enum Status {
        /** Built, not started. */
        NEW,
        /** Its thread is running. */
        RUNNING,
        /** Stopped on request; can be started again. */
        STOPPED,
        /**
         * Stopped at an event it could not handle, on its thread or in a poll by hand; see
         * {@link #failure()}. Can be started again; a poll by hand that gets past the event ends it.
         */
        FAILED
    }

    private final String name;
    private final CaughtUpSignal signal = new CaughtUpSignal();
    private final SubscriptionAssembly parts;
    private final Poller poller;
    private final SubscriptionThread thread;

    private Subscription(Builder builder) {
        this.name = builder.name;
        this.parts = new SubscriptionAssembly(builder, signal);
        this.poller = parts.poller;
        this.thread = new SubscriptionThread(name, parts.rules, poller, signal, parts.pollInterval, builder.appendSignal,
                parts.lease, builder.store, parts.startCheck);
    }

    /** A builder; give it a {@link Builder#handler handler} or a {@link Builder#projection projection}. */
    public static Builder builder(String name, EventStore store, EventTypeRegistry registry) {
        return new Builder(name, store, registry);
    }

    /** The name its checkpoint and parked events are kept under. */
    public String name() {
        return name;
    }

    /** How its instances share it across processes. */
    public SubscriptionMode mode() {
        return parts.mode;
    }

    /** This instance's name in the leases table; null in single-process mode. */
    public String instanceId() {
        return parts.instanceId;
    }

    /**
     * Whether this instance holds the fleet's lease and delivers events (exclusive mode), or holds
     * slices (partitioned mode); false while it stands by or is not running. Always true in
     * single-process mode.
     */
    public boolean isActive() {
        return parts.active.getAsBoolean();
    }

    /** Where it is in its lifecycle; see {@link Status}. */
    public Status status() {
        return thread.status();
    }

    /**
     * Why the subscription stopped, when {@link #status()} is {@link Status#FAILED}; else null. A poll
     * by hand that fails sets it too, until a later one gets past the event or {@link #start()}.
     */
    public SubscriptionFailedException failure() {
        return thread.failure();
    }

    /** The last error reading the store (e.g. the database was unreachable); the subscription keeps polling. */
    public RuntimeException lastError() {
        return thread.lastError();
    }

    /**
     * The checkpoint: global position of the last event handled or parked ({@code 0} before the first).
     * While a handler subscription catches up, the saved checkpoint may trail it by up to one
     * {@link Builder#checkpointInterval checkpointInterval}'s worth of events. Partitioned: the
     * fleet's saved checkpoint, the lowest of its slices' (see {@link FleetStatus} for each range's).
     */
    public long position() {
        return poller.position();
    }

    /** The events this subscription has parked. */
    public List<ParkedEvent> parkedEvents() {
        return poller.parkedEvents();
    }

    /**
     * Reads and handles one batch after the checkpoint, on the calling thread.
     *
     * @return the number of events read (handled or parked); {@code 0} when caught up
     * @throws SubscriptionFailedException when an event can be neither handled nor parked;
     *                                     the checkpoint stays before it
     * @throws SubscriptionInterruptedException when the calling thread is interrupted while it waits to
     *                                          retry an event; the checkpoint stays before that event
     *                                          and the thread's interrupt flag is set
     */
    public int pollOnce() {
        return thread.pollByHand();
    }

    /**
     * Polls until a batch comes back short: everything committed so far has been delivered.
     *
     * @return the number of events read
     * @throws SubscriptionFailedException as {@link #pollOnce()}
     * @throws SubscriptionInterruptedException as {@link #pollOnce()}
     */
    public int runUntilCaughtUp() {
        return thread.pollByHandUntilCaughtUp();
    }

    /** Delivers the parked events again, oldest first; those handled now are removed from the list. */
    public int retryParked() {
        return poller.retryParked();
    }

    /**
     * Sets the checkpoint back to position 0, so the next poll delivers every event again (to
     * rebuild a projection: clear its read model first). Only while not running, and in exclusive
     * mode only while no other instance holds the lease: stop every instance of the fleet first.
     *
     * @throws IllegalStateException naming the instance and its lease's expiry while one runs
     */
    public void reset() {
        thread.reset();
    }

    /** Starts delivering on a thread of its own. Also restarts a stopped or failed subscription from its checkpoint. */
    public void start() {
        thread.start();
    }

    /**
     * Stops after the batch in progress (a retry pause ends at once), saves the checkpoint and waits
     * for the thread to end. A handler may call it too: the subscription then stops once the handler
     * returns and the batch is done, without waiting for itself. On a subscription polled by hand it
     * saves the checkpoint if {@link #pollOnce()} left it unsaved.
     */
    public void stop() {
        thread.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Waits until the running subscription has read everything committed before this call (a
     * poll that started after the call came back short).
     *
     * @return true when caught up; false on timeout or when the subscription failed or was stopped
     * @throws IllegalStateException when it was never {@link #start() started}: no thread would ever
     *                               catch up (a subscription polled by hand is caught up when
     *                               {@link #runUntilCaughtUp()} returns)
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return thread.awaitCaughtUp(timeout);
    }

    /** Makes the running subscription poll now instead of at the end of its interval. */
    public void wake() {
        signal.wake();
    }

    /** Options of a {@link Subscription}. */
    public static final class Builder {
        final String name;
        final EventStore store;
        final EventTypeRegistry registry;
        EnvelopeHandler handler;
        CheckpointStore checkpoints;
        JdbcProjection projection;
        ParkedEvents parked = new InMemoryParkedEvents();
        int batchSize = 256;
        Duration pollInterval = Duration.ofSeconds(1);
        RetryPolicy retry = RetryPolicy.DEFAULT;
        FailureAction onHandlerFailure = FailureAction.STOP;
        FailureAction onUndecodable = FailureAction.STOP;
        AppendSignal appendSignal;
        Duration checkpointInterval;
        LongSupplier nanoTime = System::nanoTime;
        StartPosition start = StartPosition.beginning();
        SubscriptionMode mode;
        Duration leaseDuration = Duration.ofSeconds(10);
        String instanceId;

        private Builder(String name, EventStore store, EventTypeRegistry registry) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a subscription needs a name: it keys its checkpoint");
            }
            this.name = name;
            this.store = Objects.requireNonNull(store, "store");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Delivers each event to {@code handler}; the checkpoint is saved in {@code checkpoints} as
         * {@link #checkpointInterval} says.
         */
        public Builder handler(EnvelopeHandler handler, CheckpointStore checkpoints) {
            this.handler = Objects.requireNonNull(handler, "handler");
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /**
         * Applies each event to {@code projection} in the store's database, one transaction per batch
         * with the checkpoint and parked events (the store must be a JDBC store).
         */
        public Builder projection(JdbcProjection projection) {
            this.projection = Objects.requireNonNull(projection, "projection");
            return this;
        }

        /** Where a handler subscription parks events; default in memory. Projections always park in their database. */
        public Builder parkedEvents(ParkedEvents parked) {
            this.parked = Objects.requireNonNull(parked, "parked");
            return this;
        }

        /** Events read (and, for projections, committed) per batch; default 256. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** How long the running subscription waits between polls once caught up; default 1 s. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * How often a {@link #handler handler} subscription saves its checkpoint while catching up;
         * default 1 s. After a full batch it is saved only once this much time has passed since the
         * last save; it is saved always after a short batch (caught up), when an event is parked, and
         * before a failure or a stop ends the run. Each save is a commit, which on a busy disk costs
         * more than reading a batch. A crash repeats the events handled since the last save: at most
         * about this long's worth, plus the batch in progress. {@link Duration#ZERO} saves after every
         * batch; a very long one (say {@code ChronoUnit.FOREVER.getDuration()}) only on those
         * occasions. Projections commit their checkpoint with every batch and take no interval.
         */
        public Builder checkpointInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("checkpointInterval must be zero or positive, was " + interval);
            }
            this.checkpointInterval = interval;
            return this;
        }

        /** The clock {@link #checkpointInterval} is measured on, as {@link System#nanoTime()}; for tests. */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        Duration checkpointInterval() {
            return checkpointInterval != null ? checkpointInterval : Duration.ofSeconds(1);
        }

        /** Attempts and backoff for a failing handler; default {@link RetryPolicy#DEFAULT}. */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** What to do once an event's attempts are used up; default {@link FailureAction#STOP}. */
        public Builder onHandlerFailure(FailureAction action) {
            this.onHandlerFailure = Objects.requireNonNull(action, "action");
            return this;
        }

        /** What to do with an event of unknown type or corrupt payload; default {@link FailureAction#STOP}. */
        public Builder onUndecodable(FailureAction action) {
            this.onUndecodable = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * Where to start when the subscription has no checkpoint yet; default
         * {@link StartPosition#beginning()}. Resolved once, when it first finds none, and saved as
         * its checkpoint; ignored once it has one.
         */
        public Builder startFrom(StartPosition start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * How the instances of this subscription in several processes share it; default
         * {@link SubscriptionMode#exclusive()} on a JDBC store, {@link SubscriptionMode#singleProcess()}
         * on the in-memory store; {@link SubscriptionMode#partitioned(int)} shares the slices out among
         * the running instances (see {@code docs/subscriptions.md}). Every instance of one name needs
         * the same mode, and in partitioned mode the same slice count.
         */
        public Builder mode(SubscriptionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How long a lease lasts without renewal; default 10 s. The owner renews it every third of
         * it; a standby takes over at most about {@code leaseDuration} plus a third of it after the
         * owner stopped renewing (killed, cut off, paused), by the database's clock. A batch that
         * takes longer than this may lose the lease before it commits; it is then rolled back.
         */
        public Builder leaseDuration(Duration leaseDuration) {
            if (leaseDuration.compareTo(Duration.ofMillis(30)) < 0) {
                throw new IllegalArgumentException("leaseDuration must be at least 30 ms, was " + leaseDuration);
            }
            this.leaseDuration = leaseDuration;
            return this;
        }

        /**
         * The name of this instance in the leases table (the owner column); default the process id
         * and a random part. Unique per running instance: two instances with one id would share a lease.
         */
        public Builder instanceId(String instanceId) {
            if (instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("an instance id must not be blank");
            }
            this.instanceId = instanceId;
            return this;
        }

        /** Wakes the running subscription early, e.g. {@code PostgresEventStore.listenForAppends()}. */
        public Builder wakeUpOn(AppendSignal signal) {
            this.appendSignal = Objects.requireNonNull(signal, "signal");
            return this;
        }

        public Subscription build() {
            SubscriptionAssembly.checkComplete(this);
            return new Subscription(this);
        }
    }
}
