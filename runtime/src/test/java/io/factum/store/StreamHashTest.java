package io.factum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamHashTest {

    @Test
    void isMurmur3X86Of32BitsWithSeedZeroOverUtf8() {
        // Expected values from Guava's Hashing.murmur3_32_fixed(), an independent implementation.
        assertThat(StreamHash.of("")).isZero();
        assertThat(StreamHash.of("hello")).isEqualTo(613153351);
        assertThat(StreamHash.of("Hello, world!")).isEqualTo(-1070186941);
        assertThat(StreamHash.of("Order-42")).isEqualTo(-1986378874);
        assertThat(StreamHash.of("The quick brown fox jumps over the lazy dog")).isEqualTo(776992547);
        assertThat(StreamHash.of("Bestellung-ä€😀")).isEqualTo(80740609);
    }

    @Test
    void slicesAreContiguousHashRangesCoveringEveryHashOnce() {
        for (int count : new int[] {1, 2, 3, 7, 16, 256, 1000, SliceRange.MAX_SLICES}) {
            SliceRange previous = null;
            for (int slice = 0; slice < count; slice++) {
                SliceRange range = new SliceRange(slice, slice, count);
                if (previous == null) {
                    assertThat(range.lowestHash()).isEqualTo(Integer.MIN_VALUE);
                } else {
                    assertThat(range.lowestHash()).isEqualTo(previous.highestHash() + 1);
                }
                assertThat(SliceRange.sliceOf(range.lowestHash(), count)).isEqualTo(slice);
                assertThat(SliceRange.sliceOf(range.highestHash(), count)).isEqualTo(slice);
                previous = range;
            }
            assertThat(previous.highestHash()).isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void aRangeOfSlicesIsOneBetweenOnTheHash() {
        Random random = new Random(7);
        SliceRange range = new SliceRange(3, 9, 16);
        for (int i = 0; i < 100_000; i++) {
            int hash = random.nextInt();
            boolean between = hash >= range.lowestHash() && hash <= range.highestHash();
            assertThat(range.contains(hash)).isEqualTo(between);
            int slice = SliceRange.sliceOf(hash, 16);
            assertThat(between).isEqualTo(slice >= 3 && slice <= 9);
        }
    }

    @Test
    void badRangesAreRefusedByName() {
        assertThatThrownBy(() -> new SliceRange(0, 16, 16)).hasMessageContaining("0..16").hasMessageContaining("16 slices");
        assertThatThrownBy(() -> new SliceRange(4, 3, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SliceRange.sliceOf(1, 0)).hasMessageContaining("slice count must be 1 to 4096, was 0");
    }
}
