package io.factum.processor;

import com.google.auto.service.AutoService;
import io.factum.processor.event.EventModel;
import io.factum.processor.event.EventStep;
import io.factum.processor.schema.VersioningStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Factum's annotation processor. Each step validates, builds a model and generates, abandoning only
 * the elements that have errors. The module (registry) is written once, in the round after the last
 * one that brought new annotated elements, so that javac still compiles it.
 *
 * <p>OWNED BY THE PROCESSOR-MAIN HELPER (aggregates, subscribers, module); the event step belongs to the
 * codec helper.
 */
@AutoService(Processor.class)
public final class FactumProcessor extends AbstractProcessor {

    private Reporter reporter;
    private EventStep eventStep;
    private VersioningStep versioningStep; // schema evolution: upcasters + schema lock (io.factum.processor.schema)
    private final List<EventModel> events = new ArrayList<>();

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        eventStep = new EventStep(processingEnv, reporter);
        versioningStep = new VersioningStep(processingEnv, reporter);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.EVENT, Names.AGGREGATE, Names.APPLY, Names.SUBSCRIBE, Names.UPCAST);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return VersioningStep.OPTIONS; // -Afactum.schemaLock=<path|off>, -Afactum.schemaLock.update=true
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement eventAnnotation = processingEnv.getElementUtils().getTypeElement(Names.EVENT);
        if (eventAnnotation != null) {
            events.addAll(eventStep.process(round.getElementsAnnotatedWith(eventAnnotation)));
        }
        // Schema evolution: @Upcast methods and upcasters each round; chains, handlers and the schema lock at the end.
        versioningStep.process(round);
        if (round.processingOver()) {
            eventStep.finish();
            versioningStep.finish();
        }
        return false;
    }
}
