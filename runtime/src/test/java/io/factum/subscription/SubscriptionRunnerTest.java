package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The work loop of a subscription's thread, on the test's thread: each way a run ends calls onClose once, last. */
class SubscriptionRunnerTest {

    private final List<String> calls = new ArrayList<>();

    private SubscriptionRunner.Agent agent(AtomicInteger work, Runnable eachUnit) {
        return new SubscriptionRunner.Agent() {
            @Override
            public int doWork() {
                calls.add("work");
                eachUnit.run();
                return work.incrementAndGet();
            }

            @Override
            public void onClose() {
                calls.add("close");
            }
        };
    }

    @Test
    void aRunnerClosedBeforeItsLoopBeginsDoesNoWorkAndStillCloses() {
        SubscriptionRunner runner = new SubscriptionRunner(agent(new AtomicInteger(), () -> {}), (count, r) -> {});
        runner.close();
        runner.close();

        runner.run();

        assertThat(calls).containsExactly("close");
        assertThat(runner.isRunning()).isFalse();
    }

    @Test
    void closingDuringAUnitOfWorkEndsTheRunAfterIt() {
        SubscriptionRunner[] self = new SubscriptionRunner[1];
        AtomicInteger work = new AtomicInteger();
        self[0] = new SubscriptionRunner(agent(work, () -> {
            if (work.get() == 2) {
                self[0].close();
            }
        }), (count, r) -> calls.add("idle " + count));

        self[0].run();

        assertThat(calls).containsExactly("work", "idle 1", "work", "idle 2", "work", "idle 3", "close");
    }

    @Test
    void aTerminationEndsTheRunWithoutIdling() {
        AtomicInteger work = new AtomicInteger();
        SubscriptionRunner runner = new SubscriptionRunner(agent(work, () -> {
            if (work.get() == 1) {
                throw new SubscriptionRunner.Termination();
            }
        }), (count, r) -> calls.add("idle " + count));

        runner.run();

        assertThat(calls).containsExactly("work", "idle 1", "work", "close");
    }

    @Test
    void anErrorOfTheAgentClosesTheRunAndReachesTheThread() {
        SubscriptionRunner runner = new SubscriptionRunner(agent(new AtomicInteger(), () -> {
            throw new AssertionError("broken");
        }), (count, r) -> calls.add("idle " + count));

        assertThatThrownBy(runner::run).isInstanceOf(AssertionError.class).hasMessage("broken");
        assertThat(calls).containsExactly("work", "close");
    }

    @Test
    @Timeout(60)
    void anInterruptWhileIdlingEndsTheRunAndKeepsTheFlag() {
        SubscriptionRunner runner = new SubscriptionRunner(agent(new AtomicInteger(), () -> {}), (count, r) -> {
            calls.add("idle " + count);
            throw new InterruptedException();
        });

        runner.run();

        assertThat(Thread.interrupted()).as("interrupt flag set again, and cleared here").isTrue();
        assertThat(calls).containsExactly("work", "idle 1", "close");
        assertThat(runner.isRunning()).isFalse();
    }
}
