package io.factum.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theDelayGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 2.0, Duration.ofMillis(500));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theDefaultsAndShortcutsSayWhatTheyDo() {
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(RetryPolicy.DEFAULT.delayAfter(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(RetryPolicy.noRetry().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.immediate(3).delayAfter(2)).isEqualTo(Duration.ZERO);
        RetryPolicy fixedPause = RetryPolicy.attempts(3, Duration.ofSeconds(1));
        assertThat(fixedPause.maxAttempts()).isEqualTo(3);
        assertThat(fixedPause.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(fixedPause.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nonsenseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Double.NaN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.delayAfter(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failures");
    }
}
