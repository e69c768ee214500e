package io.factum.benchmarks.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.TestBlackholes;
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

        assertThat(benchmark.shipping.received()).isEqualTo(36);
        assertThat(benchmark.billing.received()).isEqualTo(36);
        assertThat(benchmark.notification.received()).isEqualTo(36);
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
