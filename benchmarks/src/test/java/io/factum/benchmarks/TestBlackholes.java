package io.factum.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/** JMH's Blackhole for tests that call benchmark code outside JMH. */
public final class TestBlackholes {

    private TestBlackholes() {}

    public static Blackhole create() {
        // JMH asks callers outside a benchmark to acknowledge that they know what they are doing.
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
