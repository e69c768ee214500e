package io.factum.processor.aggregate;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.Message;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Aggregate} classes and their {@code @Apply} methods: model ({@link AggregateModeler}), then
 * generate {@code <Name>AggregateType} ({@link AggregateTypeGenerator}). Each generated model is handed
 * to {@code generated}, for the module.
 */
public final class AggregateStep extends TypeStep<AggregateModel> {

    public AggregateStep(ProcessingEnvironment env, Reporter reporter, Consumer<AggregateModel> generated) {
        super(env, reporter, FactumAnnotations.AGGREGATE,
                new AggregateModeler(env.getTypeUtils(), env.getElementUtils())::model,
                TypeStep.oneFile(env, AggregateTypeGenerator::generate, generated));
    }

    /** An {@code @Apply} method outside an {@code @Aggregate} class would never be called. */
    @Override
    protected void beforeTypes(RoundEnvironment round) {
        for (ExecutableElement method : ElementFilter.methodsIn(
                FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.APPLY))) {
            Element owner = method.getEnclosingElement();
            if (!AnnotationMirrors.has(owner, FactumAnnotations.AGGREGATE)) {
                reporter.print(method, Message.APPLY_OUTSIDE_AGGREGATE, ElementChecks.describe(method), owner.getSimpleName());
            }
        }
    }
}
