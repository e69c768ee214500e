package io.factum.store;

/**
 * Slices {@code first} to {@code last} (inclusive) of a global order split into {@code sliceCount}
 * slices by {@link StreamHash}. Slice {@code i} holds the streams whose hash, read as unsigned
 * ({@code hash + 2^31}), lies in {@code [i * 2^32 / sliceCount, (i + 1) * 2^32 / sliceCount)}:
 * the slices are contiguous ranges of the hash in its natural (signed) order, so a range of
 * slices is one {@code stream_hash BETWEEN lowestHash() AND highestHash()} on the stored column,
 * which an index can serve. One stream is always in one slice, so its order survives partitioning.
 *
 * @param first      the first slice, {@code 0 <= first <= last}
 * @param last       the last slice, {@code < sliceCount}
 * @param sliceCount how many slices the whole order is split into, 1 to {@value #MAX_SLICES}
 */
public record SliceRange(int first, int last, int sliceCount) {

    /** Most slices a subscription may be split into. */
    public static final int MAX_SLICES = 4096;

    private static final long HASH_SPACE = 1L << 32;
    private static final long SIGN_OFFSET = 1L << 31;

    public SliceRange {
        checkSliceCount(sliceCount);
        if (first < 0 || first > last || last >= sliceCount) {
            throw new IllegalArgumentException("Slice range " + first + ".." + last + " is not within 0.." + (sliceCount - 1)
                    + " (" + sliceCount + " slices)");
        }
    }

    /** Every slice: the whole order. */
    public static SliceRange all(int sliceCount) {
        return new SliceRange(0, sliceCount - 1, sliceCount);
    }

    /** The slice that a stream with hash {@code streamHash} (see {@link StreamHash}) is in. */
    public static int sliceOf(int streamHash, int sliceCount) {
        checkSliceCount(sliceCount);
        return (int) (((streamHash + SIGN_OFFSET) * sliceCount) >>> 32);
    }

    /** The slice of {@code streamId}. */
    public static int sliceOf(String streamId, int sliceCount) {
        return sliceOf(StreamHash.of(streamId), sliceCount);
    }

    /** The lowest stream hash in this range (as stored: signed). */
    public int lowestHash() {
        return (int) (lowestUnsigned(first, sliceCount) - SIGN_OFFSET);
    }

    /** The highest stream hash in this range (as stored: signed). */
    public int highestHash() {
        return (int) (lowestUnsigned(last + 1, sliceCount) - 1 - SIGN_OFFSET);
    }

    /** Whether a stream with this hash is in the range. */
    public boolean contains(int streamHash) {
        int slice = sliceOf(streamHash, sliceCount);
        return slice >= first && slice <= last;
    }

    /** How many slices the range covers. */
    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? "slice " + first + "/" + sliceCount : "slices " + first + ".." + last + "/" + sliceCount;
    }

    /** The smallest unsigned hash {@code u} with {@code u * sliceCount / 2^32 >= slice}: {@code ceil(slice * 2^32 / sliceCount)}. */
    private static long lowestUnsigned(int slice, int sliceCount) {
        return (slice * HASH_SPACE + sliceCount - 1) / sliceCount;
    }

    private static void checkSliceCount(int sliceCount) {
        if (sliceCount < 1 || sliceCount > MAX_SLICES) {
            throw new IllegalArgumentException("A slice count must be 1 to " + MAX_SLICES + ", was " + sliceCount);
        }
    }
}
