package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link Subscription#pollOnce()} on a thread of its own did when that thread was
 * interrupted after {@code failed} opened (the handler's first failure, so during or just before
 * the retry pause).
 */
record InterruptedPoll(Throwable thrown, boolean interruptFlagAfterwards) {

    static InterruptedPoll interruptAfter(CountDownLatch failed, Subscription subscription) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        boolean[] flag = new boolean[1];
        Thread poller = new Thread(() -> {
            try {
                subscription.pollOnce();
            } catch (Throwable e) {
                thrown[0] = e;
            }
            flag[0] = Thread.currentThread().isInterrupted();
        });
        poller.start();
        assertThat(failed.await(30, TimeUnit.SECONDS)).as("the handler failed once").isTrue();
        poller.interrupt();
        poller.join(TimeUnit.SECONDS.toMillis(30)); // join makes the poller's writes visible here
        assertThat(poller.isAlive()).as("the interrupted poll returned").isFalse();
        return new InterruptedPoll(thrown[0], flag[0]);
    }
}
