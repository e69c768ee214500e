package io.factum.processor.subscriber;

import io.factum.processor.Deferrals;
import io.factum.processor.ElementChecks;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Message;
import io.factum.processor.MissingTypeException;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Processes {@code @EventRouter} interfaces: validate, model (the handlers through the subscriber model),
 * and generate {@code <Interface>Router}. A router whose handlers refer to a type not generated yet is
 * retried in the next round.
 */
public final class RouterStep {
    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final RouterModeler modeler;
    private final Deferrals deferred = new Deferrals();

    public RouterStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.modeler = new RouterModeler(env.getTypeUtils(), env.getElementUtils(), reporter, new Reporter(SILENT));
    }

    /** Validates and generates for the routers of this round and those deferred from earlier rounds. */
    public void process(RoundEnvironment round) {
        Map<String, TypeElement> routers = new LinkedHashMap<>();
        deferred.takeAll(env.getElementUtils()).forEach(r -> routers.put(r.getQualifiedName().toString(), r));
        TypeElement annotation = env.getElementUtils().getTypeElement(Names.EVENT_ROUTER);
        if (annotation != null) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    routers.putIfAbsent(type.getQualifiedName().toString(), type);
                }
            }
        }
        for (TypeElement router : routers.values()) {
            int errorsBefore = reporter.errorCount();
            try {
                reporter.guard(router, () -> {
                    RouterModel model = modeler.model(router, Names.annotation(router, Names.EVENT_ROUTER));
                    if (model != null) {
                        GeneratedCode.write(env.getFiler(), RouterGenerator.generate(model), router);
                    }
                });
            } catch (MissingTypeException e) {
                if (reporter.errorCount() == errorsBefore) {
                    deferred.defer(router);
                }
            }
        }
    }

    /** Whether some router waits for a type that is not generated yet. */
    public boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The last round: report what is still unresolved. */
    public void finish() {
        for (TypeElement router : deferred.takeAll(env.getElementUtils())) {
            try {
                reporter.guard(router, () -> modeler.model(router, Names.annotation(router, Names.EVENT_ROUTER)));
            } catch (MissingTypeException e) {
                Element user = e.element() != null ? e.element() : router;
                reporter.error(user, Message.UNRESOLVED_REFERENCE, ElementChecks.describeAny(user), e.typeName());
            }
        }
    }

    /** Drops the diagnostics of handlers modelled for a router: they are reported where the handler is processed. */
    private static final Messager SILENT = new Messager() {
        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {}

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {}

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {}

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {}
    };
}
