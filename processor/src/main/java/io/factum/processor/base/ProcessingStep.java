package io.factum.processor.base;

import javax.annotation.processing.RoundEnvironment;

/**
 * One step of the processor: {@code FactumProcessor} calls {@link #process} in every round, in the order
 * of its list of steps, and {@link #finish} once when processing is over. A step never throws: it reports
 * on the element and abandons that element only.
 */
public interface ProcessingStep {

    /** Processes this round's elements and those deferred from earlier rounds. */
    void process(RoundEnvironment round);

    /** Whether some element waits for a type that a later round may generate (the module waits for it too). */
    boolean hasDeferred();

    /** The last round: reports what never resolved and runs the checks that need the whole compilation. */
    void finish();
}
