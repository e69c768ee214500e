package io.factum.benchmarks.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.TestBlackholes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every publish variant must deliver each event once to each of the three subscribers. */
class BusVariantsTest {

    @Test
    void eachSyncVariantDeliversEveryEventOnceToEachSubscriber() {
        SyncPublishBenchmark benchmark = new SyncPublishBenchmark();
        benchmark.setUp(TestBlackholes.create());

        for (int i = 0; i < 5; i++) {
            benchmark.directCalls();
        }
        for (int i = 0; i < 7; i++) {
            benchmark.factumSyncBus();
        }
        for (int i = 0; i < 11; i++) {
            benchmark.guavaEventBus();
        }
        for (int i = 0; i < 13; i++) {
            benchmark.classMapDispatch();
        }
        for (int i = 0; i < 17; i++) {
            benchmark.factumBoundPublisher();
        }
        for (int i = 0; i < 19; i++) {
            benchmark.factumRouter();
        }

        assertThat(benchmark.shipping.received()).containsExactly(72, 0, 0, 0);
        assertThat(benchmark.billing.received()).containsExactly(72, 0, 0, 0);
        assertThat(benchmark.notification.received()).containsExactly(72, 0, 0, 0);
    }

    /** Each variant publishes the four types in turn; whole rounds of four, so every type is published as often. */
    @Test
    void eachMixedVariantDeliversEveryTypeOnceToEachSubscriber() {
        SyncPublishMixedBenchmark benchmark = new SyncPublishMixedBenchmark();
        benchmark.setUp(TestBlackholes.create());
        List<Runnable> variants = List.of(benchmark::directCalls, benchmark::factumSyncBus, benchmark::guavaEventBus);

        long rounds = 0;
        for (Runnable variant : variants) {
            for (int i = 0; i < 3 * SyncPublishMixedBenchmark.TYPES; i++) {
                variant.run();
            }
            rounds += 3;

            for (long[] received : List.of(benchmark.shipping.received(), benchmark.billing.received(),
                    benchmark.notification.received())) {
                assertThat(received).containsExactly(rounds, rounds, rounds, rounds);
            }
        }
    }

    @Test
    void asyncVariantsReturnOnlyOnceEverySubscriberHasEveryEvent() throws InterruptedException {
        AsyncThroughputBenchmark benchmark = new AsyncThroughputBenchmark();
        benchmark.setUp();
        try {
            benchmark.factumAsyncBus();
            benchmark.factumAsyncBus();
            benchmark.guavaAsyncEventBus();

            assertThat(benchmark.factumCounter.received()).containsExactly(
                    2L * AsyncThroughputBenchmark.BURST, 2L * AsyncThroughputBenchmark.BURST, 2L * AsyncThroughputBenchmark.BURST);
            assertThat(benchmark.guavaCounter.received()).containsExactly(
                    (long) AsyncThroughputBenchmark.BURST, (long) AsyncThroughputBenchmark.BURST, (long) AsyncThroughputBenchmark.BURST);
        } finally {
            benchmark.tearDown();
        }
    }
}
