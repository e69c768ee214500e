package io.factum.processor.subscriber;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import java.util.Collection;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @EventRouter} interfaces: model ({@link RouterModeler}, the handlers through the subscriber model),
 * then generate {@code <Interface>Router} ({@link RouterGenerator}).
 */
public final class RouterStep extends TypeStep<RouterModel> {
    private final RouterModeler modeler;

    public RouterStep(ProcessingEnvironment env, Reporter reporter) {
        super(env, reporter);
        this.modeler = new RouterModeler(env.getTypeUtils(), env.getElementUtils());
    }

    @Override
    protected Collection<TypeElement> typesOf(RoundEnvironment round) {
        return ElementFilter.typesIn(FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.EVENT_ROUTER));
    }

    @Override
    protected RouterModel model(TypeElement router, ValidationReport.Builder report) {
        return modeler.model(router, AnnotationMirrors.find(router, FactumAnnotations.EVENT_ROUTER), report);
    }

    @Override
    protected void generate(TypeElement router, RouterModel model) {
        GeneratedCode.write(env.getFiler(), RouterGenerator.generate(model), router);
    }
}
