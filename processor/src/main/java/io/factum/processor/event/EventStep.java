package io.factum.processor.event;

import io.factum.processor.Reporter;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Processes {@code @Event} records: validate, build the model, generate the codec (and codecs of
 * nested records). OWNED BY THE CODEC HELPER: this is the seam's placeholder.
 */
public final class EventStep {
    private final ProcessingEnvironment env;
    private final Reporter reporter;

    public EventStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
    }

    /**
     * Validates and generates for the {@code @Event}-annotated elements of one round.
     * Elements with errors are reported and left out; generation failures never escape.
     *
     * @return the models of the valid events of this round
     */
    public List<EventModel> process(Set<? extends Element> annotated) {
        return List.of();
    }

    /** Called once when processing is over: cross-round checks (e.g. duplicate stored names). */
    public void finish() {
        // nothing yet
    }

    ProcessingEnvironment env() {
        return env;
    }

    Reporter reporter() {
        return reporter;
    }
}
