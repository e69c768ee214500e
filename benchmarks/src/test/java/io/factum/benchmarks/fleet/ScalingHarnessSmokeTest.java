package io.factum.benchmarks.fleet;

import org.junit.jupiter.api.Test;

/**
 * CI's guard against rot of {@link ScalingHarness}: one small run (1 and 2 instances, 1,000 streams
 * of one event each, then the failover) on SQLite. Nothing is timed or asserted about speed; a
 * harness that throws or never sees the fleet catch up fails the build.
 */
class ScalingHarnessSmokeTest {

    @Test
    void theHarnessRunsOnceInSmokeMode() throws Exception {
        ScalingHarness.main(new String[] {"1000", "1000", "600", "1,2"});
    }
}
