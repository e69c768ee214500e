package io.factum.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The key cache's two bounds, on a clock the test moves. */
class KeyCacheTest {

    private final long[] now = {1_000};
    private final KeyCache cache = new KeyCache(3, 100, () -> now[0]);

    private static DataKey key(String id) {
        return new DataKey(id, new SecretKeySpec(new byte[32], "AES"));
    }

    @Test
    void anEntryLivesForItsTimeToLiveOnly() {
        cache.put("a", key("k"));
        now[0] += 99;
        assertThat(cache.get("a").key().keyId()).isEqualTo("k");
        now[0] += 1;
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgottenStatesAreCachedToo() {
        cache.put("a", null);
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("a").key()).isNull();
    }

    @Test
    void neverMoreThanTheBoundExpiredEntriesGoFirst() {
        cache.put("a", key("1"));
        now[0] += 50;
        cache.put("b", key("2"));
        cache.put("c", key("3"));
        now[0] += 60;  // a expired, b and c live
        cache.put("d", key("4"));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.get("d")).isNotNull();
        for (int i = 0; i < 20; i++) {
            cache.put("x" + i, key("x"));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("x19")).isNotNull();
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> new KeyCache(0, 1, System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyCache(1, 0, System::nanoTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forgotten");
    }
}
