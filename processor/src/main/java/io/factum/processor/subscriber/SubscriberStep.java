package io.factum.processor.subscriber;

import io.factum.processor.Deferrals;
import io.factum.processor.ElementChecks;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Message;
import io.factum.processor.MissingTypeException;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Processes handler classes (classes with {@code @Subscribe} methods): validate, model, and
 * generate {@code <Handler>Subscribers}. A handler that refers to a type not generated yet is
 * retried in the next round.
 */
public final class SubscriberStep {
    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final SubscriberModeler modeler;
    private final Deferrals deferred = new Deferrals();

    public SubscriberStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.modeler = new SubscriberModeler(env.getTypeUtils(), env.getElementUtils(), reporter);
    }

    /** Validates and generates for the handler classes of this round and those deferred from earlier rounds. */
    public void process(RoundEnvironment round) {
        Map<String, TypeElement> handlers = new LinkedHashMap<>();
        deferred.takeAll(env.getElementUtils()).forEach(h -> handlers.put(h.getQualifiedName().toString(), h));
        TypeElement subscribe = env.getElementUtils().getTypeElement(Names.SUBSCRIBE);
        if (subscribe != null) {
            for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(subscribe))) {
                TypeElement handler = (TypeElement) method.getEnclosingElement();
                handlers.putIfAbsent(handler.getQualifiedName().toString(), handler);
            }
        }
        for (TypeElement handler : handlers.values()) {
            int errorsBefore = reporter.errorCount();
            try {
                reporter.guard(handler, () -> {
                    SubscriberModel model = modeler.model(handler, subscribeMethods(handler));
                    if (model != null) {
                        GeneratedCode.write(env.getFiler(), SubscribersGenerator.generate(model), handler);
                    }
                });
            } catch (MissingTypeException e) {
                // retry next round, unless it already has errors: then it is abandoned anyway
                if (reporter.errorCount() == errorsBefore) {
                    deferred.defer(handler);
                }
            }
        }
    }

    /** Whether some handler waits for a type that is not generated yet. */
    public boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The last round: report what is still unresolved. */
    public void finish() {
        for (TypeElement handler : deferred.takeAll(env.getElementUtils())) {
            try {
                reporter.guard(handler, () -> modeler.model(handler, subscribeMethods(handler)));
            } catch (MissingTypeException e) {
                Element user = e.element() != null ? e.element() : handler;
                reporter.error(user, Message.UNRESOLVED_REFERENCE, ElementChecks.describeAny(user), e.typeName());
            }
        }
    }

    /** The handler's {@code @Subscribe} methods, in declaration order (the order of registration). */
    static List<ExecutableElement> subscribeMethods(TypeElement handler) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(handler.getEnclosedElements())) {
            if (Names.annotation(method, Names.SUBSCRIBE) != null) {
                methods.add(method);
            }
        }
        return methods;
    }
}
