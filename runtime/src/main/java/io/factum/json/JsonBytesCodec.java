package io.factum.json;

/**
 * The byte-level half of a generated codec: writes and reads one record straight to and from JSON bytes,
 * producing exactly the bytes and values of the codec's Jackson half. Either method may throw
 * {@link FastPathMiss} for input it leaves to the Jackson half; the caller then runs that half, which
 * decides. Implementations are stateless and thread-safe.
 */
public interface JsonBytesCodec<T> {

    /** Writes {@code value} as one JSON object, or throws {@link FastPathMiss} (e.g. a required value is null). */
    void write(JsonBytesWriter out, T value);

    /**
     * Reads one JSON object starting at the next token, or throws {@link FastPathMiss} (e.g. a required
     * property is missing). Unknown properties are skipped, as on the Jackson path.
     */
    T read(JsonBytesReader in);
}
