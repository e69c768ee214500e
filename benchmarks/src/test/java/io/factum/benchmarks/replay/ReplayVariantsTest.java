package io.factum.benchmarks.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderStatus;
import io.factum.benchmarks.domain.OrderSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every replay variant must rebuild the same order from the same history, or the timings compare nothing. */
class ReplayVariantsTest {

    private final ReplayBenchmark benchmark = new ReplayBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void allVariantsEndInTheSameState() {
        OrderSummary expected = benchmark.handWrittenSwitch().summary();

        assertThat(expected.orderId()).isEqualTo("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(expected.status()).isIn(OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
        assertThat(expected.lineCount()).isGreaterThan(3);
        assertThat(benchmark.factumGeneratedApply().summary()).isEqualTo(expected);
        assertThat(benchmark.factumAggregateReplayed().summary()).isEqualTo(expected);
        assertThat(benchmark.factumReplayFromJson().summary()).isEqualTo(expected);
        assertThat(benchmark.factumRepositoryLoad().summary()).isEqualTo(expected);
        assertThat(benchmark.jsonMapperDecodeThenApply().summary()).isEqualTo(expected);
        assertThat(benchmark.axonApplyOnly().summary()).isEqualTo(expected);
        assertThat(benchmark.axonRepositoryLoad().summary()).isEqualTo(expected);
    }

    @Test
    void factumVariantsReportTheRevisionOfTheLastEvent() {
        long last = BenchmarkSettings.STREAM_LENGTH - 1;

        assertThat(benchmark.factumGeneratedApply().storedRevision()).isEqualTo(last);
        assertThat(benchmark.factumAggregateReplayed().storedRevision()).isEqualTo(last);
        assertThat(benchmark.factumReplayFromJson().storedRevision()).isEqualTo(last);
        assertThat(benchmark.factumRepositoryLoad().storedRevision()).isEqualTo(last);
    }

    @Test
    void repeatedAxonLoadsStartFromAFreshAggregate() {
        OrderSummary first = benchmark.axonRepositoryLoad().summary();

        assertThat(benchmark.axonRepositoryLoad().summary()).isEqualTo(first);
    }
}
