package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Delivers events to subscribers on an executor, outside the publisher's unit of work.
 *
 * <ul>
 *   <li><b>Ordering:</b> each subscriber has its own bounded queue, drained by at most one task at
 *       a time, so it receives events in the order they were queued for it: a publishing thread's
 *       events arrive in its publish order. Different subscribers run concurrently.
 *   <li><b>Failures</b> stay with their subscriber. A failed event is retried with backoff
 *       ({@link RetryPolicy}) while the rest of that subscriber's queue waits behind it; after the
 *       last attempt it is parked in the {@link DeadLetterStore}, where {@link #deadLetters()} can
 *       list, redeliver or discard it.
 *   <li><b>Backpressure:</b> when a subscriber's queue is full, {@link #publish} blocks up to a
 *       timeout ({@link Builder#blockWhenFull}, the default) or fails at once
 *       ({@link Builder#rejectWhenFull}); either way it then throws {@link BusOverloadedException}
 *       naming the subscribers that did not get the event. Nothing is dropped silently.
 *   <li><b>Shutdown:</b> {@link #close(Duration)} stops accepting events, drains what was accepted
 *       within the timeout, and reports what it could not deliver.
 * </ul>
 *
 * <p>Subscriber names must be unique per event class, because dead letters are redelivered to the
 * subscriber of that name. Thread-safe.
 */
public final class AsyncEventBus implements EventBus, AutoCloseable {

    private final SubscriberTable<AsyncSubscriber> table = new SubscriberTable<>(AsyncSubscriber[]::new);
    /** Every subscriber that may still have events, including unsubscribed ones still draining. */
    private final List<AsyncSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();

    private final AsyncSubscriber.Services services;
    private final ExecutorService ownedExecutor;
    private final boolean ownsScheduler;
    private final int queueCapacity;
    private final Offers offers;
    private final Duration closeTimeout;
    private final Consumer<? super EventEnvelope<?>> onUnhandled;
    private final DeadLetters deadLetters;

    private volatile boolean closed;
    private ShutdownReport shutdownReport; // guarded by lifecycle

    private AsyncEventBus(Builder builder) {
        ScheduledExecutorService scheduler = builder.scheduler;
        this.ownsScheduler = scheduler == null;
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("factum-bus-retry-"));
        }
        Executor executor = builder.executor;
        if (executor == null) {
            int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
            this.ownedExecutor = Executors.newFixedThreadPool(threads, daemonThreads("factum-bus-"));
            executor = ownedExecutor;
        } else {
            this.ownedExecutor = null;
        }
        DeadLetterStore store = builder.deadLetterStore != null ? builder.deadLetterStore : new InMemoryDeadLetterStore();
        this.services = new AsyncSubscriber.Services(executor, scheduler, builder.retryPolicy, store, builder.clock);
        this.queueCapacity = builder.queueCapacity;
        this.offers = new Offers(builder.queueCapacity, builder.blockWhenFull, Offers.saturatedNanos(builder.blockTimeout));
        this.closeTimeout = builder.closeTimeout;
        this.onUnhandled = builder.onUnhandled;
        this.deadLetters = new DeadLetters(store, this);
    }

    /** A bus with every default; see {@link Builder}. */
    public static AsyncEventBus create() {
        return builder().build();
    }

    /** A builder, to choose the executor, queue capacity, full-queue policy, retries and dead-letter store. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a subscriber with the same name is already subscribed to
     *                                  {@code eventClass}: the name is what dead letters are redelivered to
     * @throws BusClosedException       if the bus is closed
     */
    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        SubscriberTable.checkSubscription(subscriberName, eventClass, handler);
        AsyncSubscriber subscriber;
        synchronized (lifecycle) {
            if (closed) {
                throw new BusClosedException("Cannot subscribe '" + subscriberName + "': the event bus is closed");
            }
            if (find(subscriberName, eventClass) != null) {
                throw new IllegalArgumentException("A subscriber named '" + subscriberName + "' is already subscribed to "
                        + eventClass.getName() + "; dead letters are redelivered by name, so give each subscriber"
                        + " of an event class its own name");
            }
            subscribers.removeIf(AsyncSubscriber::isRetired);
            subscriber = new AsyncSubscriber(subscriberName, eventClass, handler, queueCapacity, services);
            subscribers.add(subscriber);
            table.add(eventClass, subscriber);
        }
        return () -> {
            if (table.remove(eventClass, subscriber)) {
                subscriber.markUnsubscribed(); // events already queued for it are still delivered
            }
        };
    }

    /**
     * Queues the event for every subscriber of its payload's class and returns; the subscribers
     * run later on the executor.
     *
     * @throws BusOverloadedException     if a subscriber's queue stayed full; the event was queued for
     *                                    all the other subscribers
     * @throws BusClosedException         if the bus is (or, while blocking, became) closed
     * @throws RejectedExecutionException if a supplied executor refused the drain task; the event stays
     *                                    queued and is delivered by a later drain or reported by close
     */
    @Override
    public void publish(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (closed) {
            throw new BusClosedException("Cannot publish " + SubscriberException.describe(envelope)
                    + ": the event bus is closed");
        }
        AsyncSubscriber[] targets = table.get(envelope.payload().getClass());
        if (targets == null) {
            onUnhandled.accept(envelope);
            return;
        }
        offers.publish(targets, envelope);
    }

    /** The parked events: list, redeliver, discard. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Counters per subscriber, in subscription order, including unsubscribed ones that still have events. */
    public List<SubscriberMetrics> metrics() {
        List<SubscriberMetrics> metrics = new ArrayList<>(subscribers.size());
        for (AsyncSubscriber subscriber : subscribers) {
            metrics.add(subscriber.metrics());
        }
        return metrics;
    }

    /**
     * Waits until every subscriber has handled (or dead-lettered) everything queued for it and no
     * retry is pending. Events published meanwhile are waited for too. Useful in tests and before
     * inspecting dead letters.
     *
     * @return whether that happened within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Offers.saturatedNanos(timeout);
        for (AsyncSubscriber subscriber : subscribers) {
            if (!subscriber.awaitIdle(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #close(Duration)} has been called: publishing and subscribing now fail. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the bus: publishing, subscribing and redelivering fail with {@link BusClosedException}
     * from now on, and publishers blocked on a full queue are woken with that error. Waits up to
     * {@code timeout} for the subscribers to finish what they had accepted (retries included), then
     * gives up on the rest and reports it. An owned executor and scheduler are shut down; supplied
     * ones are left running. Calling it again returns the first report.
     *
     * <p>A handler call still running at the timeout is not interrupted: it is reported as
     * {@linkplain ShutdownReport.Undelivered#stillRunning() still running}; if it then fails, its event
     * becomes a dead letter without further retries.
     */
    public ShutdownReport close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        synchronized (lifecycle) {
            if (shutdownReport != null) {
                return shutdownReport;
            }
            closed = true;
            for (AsyncSubscriber subscriber : subscribers) {
                subscriber.close();
            }
            awaitDrained(System.nanoTime() + Offers.saturatedNanos(timeout));
            List<ShutdownReport.Undelivered> undelivered = new ArrayList<>();
            for (AsyncSubscriber subscriber : subscribers) {
                ShutdownReport.Undelivered entry = subscriber.abandon();
                if (entry != null) {
                    undelivered.add(entry);
                }
            }
            if (ownedExecutor != null) {
                ownedExecutor.shutdown(); // still-running handlers finish; the threads are daemons
            }
            if (ownsScheduler) {
                services.scheduler().shutdownNow();
            }
            shutdownReport = new ShutdownReport(undelivered);
            return shutdownReport;
        }
    }

    /**
     * Closes with the {@linkplain Builder#closeTimeout close timeout}.
     *
     * @throws UndeliveredEventsException if some events were not delivered; it carries the report
     */
    @Override
    public void close() {
        ShutdownReport report = close(closeTimeout);
        if (!report.isComplete()) {
            throw new UndeliveredEventsException(report);
        }
    }

    private void awaitDrained(long deadline) {
        try {
            for (AsyncSubscriber subscriber : subscribers) {
                if (!subscriber.awaitIdle(deadline)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting; what is left is reported
        }
    }

    /** Puts a dead letter back in its subscriber's queue; see {@link DeadLetters#redeliver}. */
    void redeliver(DeadLetter letter) {
        AsyncSubscriber subscriber = find(letter.subscriberName(), letter.envelope().payload().getClass());
        if (subscriber == null) {
            throw new SubscriberNotFoundException(letter);
        }
        offers.redeliver(subscriber, letter);
    }

    private AsyncSubscriber find(String subscriberName, Class<?> eventClass) {
        AsyncSubscriber[] candidates = table.get(eventClass);
        if (candidates != null) {
            for (AsyncSubscriber candidate : candidates) {
                if (candidate.name.equals(subscriberName)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of an {@link AsyncEventBus}; every one has a default. */
    public static final class Builder {
        private Executor executor;
        private ScheduledExecutorService scheduler;
        private int queueCapacity = 1024;
        private boolean blockWhenFull = true;
        private Duration blockTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private DeadLetterStore deadLetterStore;
        private Clock clock = Clock.systemUTC();
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Consumer<? super EventEnvelope<?>> onUnhandled = envelope -> {};

        private Builder() {}

        /**
         * Runs subscriber drains on {@code executor}, which must run tasks on other threads (a pool);
         * the bus never shuts it down. Default: a pool the bus owns, of 2 to 4 daemon threads
         * (the number of processors, within those bounds), shut down by {@link #close(Duration)}.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Times retries on {@code scheduler} (it only re-submits drains to the executor); the bus
         * never shuts it down. Default: one owned daemon thread.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Events each subscriber's queue holds at most. Default 1024. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * When a subscriber's queue is full, the publisher waits for space up to {@code timeout}
         * (across all subscribers of the event), then gets a {@link BusOverloadedException}. The default,
         * with 10 seconds.
         */
        public Builder blockWhenFull(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("blockWhenFull timeout must not be negative, was " + timeout);
            }
            this.blockWhenFull = true;
            this.blockTimeout = timeout;
            return this;
        }

        /** When a subscriber's queue is full, the publisher gets a {@link BusOverloadedException} at once. */
        public Builder rejectWhenFull() {
            this.blockWhenFull = false;
            this.blockTimeout = Duration.ZERO;
            return this;
        }

        /** Retries of failing subscribers. Default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Where events go after their last failed attempt. Default: a new {@link InMemoryDeadLetterStore}. */
        public Builder deadLetterStore(DeadLetterStore store) {
            this.deadLetterStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Clock of the failure times in dead letters. Default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Timeout of {@link AsyncEventBus#close()} (the one without arguments). Default 30 seconds. */
        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** Receives, in the publishing thread, every event that has no subscriber. Default: ignore it. */
        public Builder onUnhandled(Consumer<? super EventEnvelope<?>> onUnhandled) {
            this.onUnhandled = Objects.requireNonNull(onUnhandled, "onUnhandled");
            return this;
        }

        public AsyncEventBus build() {
            return new AsyncEventBus(this);
        }
    }
}
