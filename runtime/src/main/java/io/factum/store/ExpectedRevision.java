package io.factum.store;

/**
 * What an append expects of the stream's current state — optimistic concurrency control.
 *
 * <ul>
 *   <li>{@link #any()}: no check;</li>
 *   <li>{@link #noStream()}: the stream must not exist yet (creating an aggregate);</li>
 *   <li>{@link #streamExists()}: the stream must have at least one event;</li>
 *   <li>{@link #exactly(long)}: the stream's last revision must be this one (saving a loaded aggregate).</li>
 * </ul>
 */
public sealed interface ExpectedRevision {

    static ExpectedRevision any() {
        return Any.INSTANCE;
    }

    static ExpectedRevision noStream() {
        return NoStream.INSTANCE;
    }

    static ExpectedRevision streamExists() {
        return StreamExists.INSTANCE;
    }

    static ExpectedRevision exactly(long revision) {
        return new Exact(revision);
    }

    /**
     * Whether a stream whose last revision is {@code actual} ({@code -1} when the stream does not exist)
     * satisfies this expectation.
     */
    boolean accepts(long actual);

    enum Any implements ExpectedRevision {
        INSTANCE;

        @Override
        public boolean accepts(long actual) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    enum NoStream implements ExpectedRevision {
        INSTANCE;

        @Override
        public boolean accepts(long actual) {
            return actual == -1;
        }

        @Override
        public String toString() {
            return "no stream";
        }
    }

    enum StreamExists implements ExpectedRevision {
        INSTANCE;

        @Override
        public boolean accepts(long actual) {
            return actual >= 0;
        }

        @Override
        public String toString() {
            return "stream exists";
        }
    }

    record Exact(long revision) implements ExpectedRevision {
        public Exact {
            if (revision < 0) {
                throw new IllegalArgumentException("expected revision must be >= 0 (use noStream() for a new stream), was " + revision);
            }
        }

        @Override
        public boolean accepts(long actual) {
            return actual == revision;
        }

        @Override
        public String toString() {
            return "revision " + revision;
        }
    }
}
