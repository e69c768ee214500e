package io.factum.benchmarks.axon5;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.domain.OrderStatus;
import io.factum.benchmarks.domain.OrderSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Axon 5 must rebuild the same order as Factum from the same history, or the timings compare nothing. */
class Axon5ReplayVariantsTest {

    private final Axon5ReplayBenchmark benchmark = new Axon5ReplayBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void axon5AndFactumEndInTheSameState() {
        OrderSummary expected = benchmark.handWrittenSwitch().summary();

        assertThat(expected.orderId()).isEqualTo("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(expected.status()).isIn(OrderStatus.CONFIRMED, OrderStatus.SHIPPED);
        assertThat(expected.lineCount()).isGreaterThan(3);
        assertThat(benchmark.factumGeneratedApply().summary()).isEqualTo(expected);
        assertThat(benchmark.factumRepositoryLoad().summary()).isEqualTo(expected);
        assertThat(benchmark.axon5EntityLoad().summary()).isEqualTo(expected);
    }

    @Test
    void repeatedAxon5LoadsStartFromAFreshEntity() {
        Axon5Order first = benchmark.axon5EntityLoad();
        Axon5Order second = benchmark.axon5EntityLoad();

        assertThat(second).isNotSameAs(first);
        assertThat(second.summary()).isEqualTo(first.summary());
    }

    @Test
    void runsOnAJdk21OrNewer() {
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void axonsUpdateCheckerIsNotOnTheClassPath() {
        // It would call AxonIQ's servers whenever a configuration starts; the pom excludes axon-update.
        assertThat(getClass().getClassLoader().getResource("org/axonframework/update/UpdateChecker.class")).isNull();
    }
}
