package io.factum.micrometer.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aW3cTraceparentIsParsed() {
        assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01")).contains(new TraceParent(TRACE, SPAN, true));
        assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00")).contains(new TraceParent(TRACE, SPAN, false));
        assertThat(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01-future")).contains(new TraceParent(TRACE, SPAN, true));
    }

    @Test
    void anythingElseLinksNothing() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN)).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01-extra")).isEmpty();
        assertThat(TraceParent.parse("ff-" + TRACE + "-" + SPAN + "-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE.toUpperCase() + "-" + SPAN + "-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN + "-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01")).isEmpty();
        assertThat(TraceParent.parse("00-" + TRACE.substring(1) + "-" + SPAN + "-01")).isEmpty();
    }
}
