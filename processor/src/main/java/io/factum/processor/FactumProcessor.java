package io.factum.processor;

import com.google.auto.service.AutoService;
import io.factum.processor.aggregate.AggregateModel;
import io.factum.processor.aggregate.AggregateStep;
import io.factum.processor.event.EventModel;
import io.factum.processor.event.EventStep;
import io.factum.processor.module.ModuleStep;
import io.factum.processor.schema.VersioningStep;
import io.factum.processor.subscriber.RouterStep;
import io.factum.processor.subscriber.SubscriberStep;
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
 * the elements that have errors. The module (registry) is written once, in the first round that
 * brings no new Factum elements, so that javac still compiles it and it can name every class
 * generated before.
 *
 * <p>Option {@code -Afactum.module=com.acme.OrderingModule} names the generated module; by default
 * it is {@code <common package>.<LastSegment>FactumModule}.
 */
@AutoService(Processor.class)
public final class FactumProcessor extends AbstractProcessor {

    private Reporter reporter;
    private EventStep eventStep;
    private AggregateStep aggregateStep;
    private SubscriberStep subscriberStep;
    private RouterStep routerStep;
    private ModuleStep moduleStep;
    private VersioningStep versioningStep; // schema evolution: upcasters + schema lock (io.factum.processor.schema)
    private int round;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        eventStep = new EventStep(processingEnv, reporter);
        aggregateStep = new AggregateStep(processingEnv, reporter);
        subscriberStep = new SubscriberStep(processingEnv, reporter);
        routerStep = new RouterStep(processingEnv, reporter);
        versioningStep = new VersioningStep(processingEnv, reporter);
        moduleStep = new ModuleStep(processingEnv, reporter, versioningStep::upcasters);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Names.EVENT, Names.AGGREGATE, Names.APPLY, Names.SUBSCRIBE, Names.UPCAST, Names.EVENT_ROUTER);
    }

    @Override
    public Set<String> getSupportedOptions() {
        Set<String> options = new java.util.TreeSet<>(VersioningStep.OPTIONS);
        options.add(Names.MODULE_OPTION);
        return options;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** Never throws: each step guards its elements, and this guards the steps. Never claims the annotations. */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        round++;
        try {
            processRound(annotations, roundEnv);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.internalError(null, e);
        }
        return false;
    }

    private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        List<EventModel> events = List.of();
        TypeElement eventAnnotation = processingEnv.getElementUtils().getTypeElement(Names.EVENT);
        if (eventAnnotation != null) {
            events = eventStep.process(roundEnv.getElementsAnnotatedWith(eventAnnotation));
        }
        List<AggregateModel> aggregates = aggregateStep.process(roundEnv);
        subscriberStep.process(roundEnv);
        routerStep.process(roundEnv);
        // Schema evolution: @Upcast methods and upcasters each round; chains, handlers and the schema lock at the end.
        versioningStep.process(roundEnv);
        moduleStep.add(events, aggregates, round);

        if (roundEnv.processingOver()) {
            eventStep.finish();
            aggregateStep.finish();
            subscriberStep.finish();
            routerStep.finish();
            versioningStep.finish();
            // Normally written earlier; here only if no round after the last elements came (javac warns then).
            if (moduleStep.isPending() && !hasDeferred()) {
                moduleStep.write();
            }
            return;
        }
        // This round generated code (codecs, aggregate types) => javac runs another round: write the
        // module there, once no new elements arrive. A round that generated nothing may be the last one.
        boolean generatedThisRound = !events.isEmpty() || !aggregates.isEmpty();
        boolean newElements = !annotations.isEmpty();
        if (moduleStep.isPending() && !hasDeferred() && (!newElements || !generatedThisRound)) {
            moduleStep.write();
        }
    }

    private boolean hasDeferred() {
        return aggregateStep.hasDeferred() || subscriberStep.hasDeferred() || routerStep.hasDeferred() || versioningStep.hasDeferred();
    }
}
