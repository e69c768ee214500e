package io.factum.processor.subscriber;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Handler classes (classes with {@code @Subscribe} methods): model ({@link SubscriberModeler}), then
 * generate {@code <Handler>Subscribers} ({@link SubscribersGenerator}).
 */
public final class SubscriberStep extends TypeStep<SubscriberModel> {
    private final SubscriberModeler modeler;

    public SubscriberStep(ProcessingEnvironment env, Reporter reporter) {
        super(env, reporter);
        this.modeler = new SubscriberModeler(env.getTypeUtils(), env.getElementUtils());
    }

    @Override
    protected Collection<TypeElement> typesOf(RoundEnvironment round) {
        Set<TypeElement> handlers = new LinkedHashSet<>();
        Set<ExecutableElement> methods = ElementFilter.methodsIn(
                FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.SUBSCRIBE));
        for (ExecutableElement method : methods) {
            handlers.add((TypeElement) method.getEnclosingElement());
        }
        return handlers;
    }

    @Override
    protected SubscriberModel model(TypeElement handler, ValidationReport.Builder report) {
        return modeler.model(handler, subscribeMethods(handler), report);
    }

    @Override
    protected void generate(TypeElement handler, SubscriberModel model) {
        GeneratedCode.write(env.getFiler(), SubscribersGenerator.generate(model), handler);
    }

    /** The handler's {@code @Subscribe} methods, in declaration order (the order of registration). */
    static List<ExecutableElement> subscribeMethods(TypeElement handler) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(handler.getEnclosedElements())) {
            if (AnnotationMirrors.has(method, FactumAnnotations.SUBSCRIBE)) {
                methods.add(method);
            }
        }
        return methods;
    }
}
