package io.factum.json;

/**
 * The byte-level path does not take this value or this input: the caller runs the codec's Jackson path
 * instead, which either reads it (a form the byte path leaves to Jackson) or throws the typed error that
 * names what is wrong and where. One shared instance without a stack trace: a miss costs no allocation.
 */
public final class FastPathMiss extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The one instance. */
    public static final FastPathMiss INSTANCE = new FastPathMiss();

    private FastPathMiss() {
        super("not on the byte-level JSON path", null, false, false);
    }
}
