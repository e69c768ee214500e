package io.factum.store;

import java.nio.charset.StandardCharsets;

/**
 * The stable 32-bit hash of a stream id that the JDBC stores keep with every event
 * ({@code stream_hash}) and that partitioned subscriptions split the global order by: MurmurHash3
 * x86_32, seed 0, of the id's UTF-8 bytes. It is specified independently of Java (unlike
 * {@link String#hashCode()}), so any language reading the table can compute it, and it never
 * changes: stored hashes are computed once, at append time (or by the migration).
 */
public final class StreamHash {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private StreamHash() {}

    /** MurmurHash3 x86_32 (seed 0) of the UTF-8 bytes of {@code streamId}. */
    public static int of(String streamId) {
        byte[] data = streamId.getBytes(StandardCharsets.UTF_8);
        int hash = 0;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            int k = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
            hash ^= mixK(k);
            hash = Integer.rotateLeft(hash, 13) * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k = 0;
        switch (data.length & 3) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[tail] & 0xff;
                hash ^= mixK(k);
                break;
            default:
                break;
        }
        hash ^= data.length;
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
