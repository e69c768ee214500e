package io.factum.bus;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failing handler is called with the same event before it is given up on, and how long
 * to wait in between. {@link AsyncEventBus} then parks the event as a dead letter; a
 * {@link io.factum.subscription.Subscription} stops at it or parks it. Exponential backoff from
 * {@code initialDelay}, multiplied by {@code multiplier} after each failure, capped at {@code maxDelay}.
 *
 * @param maxAttempts  total calls per event, the first included; 1 means no retry
 * @param initialDelay wait after the first failure; zero retries at once
 * @param multiplier   growth of the wait per failure, at least 1
 * @param maxDelay     upper bound of the wait, at least {@code initialDelay}
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** 5 attempts, waiting 100 ms, 200 ms, 400 ms, 800 ms in between (at most 30 s). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), was " + maxAttempts);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must not be negative, was " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be less than initialDelay ("
                    + initialDelay + ")");
        }
    }

    /** Every failure parks the event at once. */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** {@code maxAttempts} attempts with the same {@code pause} between them. */
    public static RetryPolicy attempts(int maxAttempts, Duration pause) {
        return new RetryPolicy(maxAttempts, pause, 1.0, pause);
    }

    /** {@code maxAttempts} attempts with no wait in between; mostly for tests. */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** The wait after the {@code failures}-th failed attempt of an event (1-based). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, failures - 1);
        long maxNanos = maxDelay.toNanos();
        return Duration.ofNanos(nanos >= maxNanos ? maxNanos : (long) nanos);
    }
}
