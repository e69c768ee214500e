package io.factum.processor;

import com.google.auto.service.AutoService;
import io.factum.processor.aggregate.AggregateStep;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.ProcessingStep;
import io.factum.processor.base.Reporter;
import io.factum.processor.event.EventStep;
import io.factum.processor.event.RecordCodecs;
import io.factum.processor.module.ModuleNaming;
import io.factum.processor.module.ModuleStep;
import io.factum.processor.schema.VersioningStep;
import io.factum.processor.subscriber.SubscriberSteps;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Factum's annotation processor: a list of {@link ProcessingStep}s, each run in every round and finished
 * once at the end; each validates, models and generates, abandoning only the elements that have errors.
 * The module (registry) is written once, in the first round that brings no new Factum elements, so that
 * javac still compiles it and it can name every class generated before; a failing build gets none.
 *
 * <p>Option {@code -Afactum.module=com.acme.OrderingModule} names the generated module; by default
 * it is {@code <common package>.<LastSegment>FactumModule}.
 */
@AutoService(Processor.class)
public final class FactumProcessor extends AbstractProcessor {

    private Reporter reporter;
    private ModuleStep moduleStep;
    private List<ProcessingStep> steps;
    private int round;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        // Schema evolution (upcasters, chains, handlers of old versions, the schema lock) is the versioning step.
        // What failed validation takes no part in later checks: one mistake, one error.
        FailedTypes failed = new FailedTypes();
        VersioningStep versioningStep = new VersioningStep(processingEnv, reporter, failed);
        moduleStep = new ModuleStep(processingEnv, reporter, versioningStep::upcasters);
        // Events and snapshots share one set of record codecs: a record both use is written once.
        RecordCodecs codecs = new RecordCodecs(processingEnv, reporter);
        steps = List.of(
                new EventStep(processingEnv, reporter, moduleStep::addEvent, codecs).recordingFailuresIn(failed),
                new AggregateStep(processingEnv, reporter, failed, codecs, moduleStep::addAggregate),
                SubscriberSteps.subscribers(processingEnv, reporter, failed,
                        model -> moduleStep.addSubscriber(model.handler(), model.subscribersClass(), round)),
                SubscriberSteps.routers(processingEnv, reporter, failed),
                versioningStep);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // The markers on generated code too: javac would warn that no processor claimed them in the next round.
        return Set.of(FactumAnnotations.EVENT, FactumAnnotations.AGGREGATE, FactumAnnotations.APPLY,
                FactumAnnotations.SUBSCRIBE, FactumAnnotations.UPCAST, FactumAnnotations.EVENT_ROUTER,
                FactumAnnotations.PERSONAL_DATA, FactumAnnotations.DATA_SUBJECT,
                GeneratedNames.FACTUM_GENERATED.canonicalName(), GeneratedNames.GENERATED.canonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        Set<String> options = new TreeSet<>(VersioningStep.OPTIONS);
        options.add(ModuleNaming.OPTION);
        return options;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Never throws: each step guards its elements, and this guards the steps. Claims Factum's own annotations
     * (they mean nothing to another processor) and {@code @Generated} on what it generated: unclaimed, javac's
     * {@code -Xlint:processing} warns "No processor claimed any of these annotations", which fails a user's
     * {@code -Werror} build.
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        round++;
        try {
            processRound(annotations, roundEnv);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.internalError(null, e);
        }
        return true;
    }

    private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (ProcessingStep step : steps) {
            step.process(roundEnv);
        }
        boolean generatedThisRound = moduleStep.endRound(round);

        if (roundEnv.processingOver()) {
            steps.forEach(ProcessingStep::finish);
            // Normally written earlier; here only if no round after the last elements came (javac warns then),
            // and never in a failing build: see buildFails.
            if (moduleStep.isPending() && !hasDeferred() && !buildFails(roundEnv)) {
                moduleStep.write();
            }
            return;
        }
        // This round generated code (codecs, aggregate types) => javac runs another round: write the
        // module there, once no new elements arrive. A round that generated nothing may be the last one.
        boolean newElements = annotations.stream().anyMatch(annotation -> !isGeneratedMarker(annotation));
        if (moduleStep.isPending() && !hasDeferred() && (!newElements || !generatedThisRound)) {
            moduleStep.write();
        }
    }

    /**
     * Whether an error was reported (by this processor in any round, or by anyone in the round before): javac then
     * runs no further round and compiles no class, so a module would never be used. After an error javac's next
     * round is its last, and a source created there draws the warning "File for type ... created in the last round
     * will not be subject to annotation processing", which {@code -Werror} turns into two more diagnostics for the
     * one mistake. Writing the module in the round of the error instead would have javac enter it in the failing
     * build and report what it names (e.g. an event another package cannot see) once more.
     */
    private boolean buildFails(RoundEnvironment roundEnv) {
        return reporter.errorCount() > 0 || roundEnv.errorRaised();
    }

    /** {@code @Generated} or {@code @FactumGenerated}: on code generated in the round before, not a new element. */
    private static boolean isGeneratedMarker(TypeElement annotation) {
        String name = annotation.getQualifiedName().toString();
        return name.equals(GeneratedNames.GENERATED.canonicalName()) || name.equals(GeneratedNames.FACTUM_GENERATED.canonicalName());
    }

    private boolean hasDeferred() {
        return steps.stream().anyMatch(ProcessingStep::hasDeferred);
    }
}
