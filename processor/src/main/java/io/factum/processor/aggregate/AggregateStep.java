package io.factum.processor.aggregate;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Message;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Aggregate} classes and their {@code @Apply} methods: model ({@link AggregateModeler}), then
 * generate {@code <Name>AggregateType} ({@link AggregateTypeGenerator}). Each generated model is handed
 * to {@code generated}, for the module.
 */
public final class AggregateStep extends TypeStep<AggregateModel> {
    private final AggregateModeler modeler;
    private final Consumer<AggregateModel> generated;

    public AggregateStep(ProcessingEnvironment env, Reporter reporter, Consumer<AggregateModel> generated) {
        super(env, reporter);
        this.modeler = new AggregateModeler(env.getTypeUtils(), env.getElementUtils());
        this.generated = generated;
    }

    @Override
    protected Collection<TypeElement> typesOf(RoundEnvironment round) {
        return ElementFilter.typesIn(annotated(round, FactumAnnotations.AGGREGATE));
    }

    @Override
    protected AggregateModel model(TypeElement aggregate, ValidationReport.Builder report) {
        return modeler.model(aggregate, report);
    }

    @Override
    protected void generate(TypeElement aggregate, AggregateModel model) {
        GeneratedCode.write(env.getFiler(), AggregateTypeGenerator.generate(model), aggregate);
        generated.accept(model);
    }

    /** An {@code @Apply} method outside an {@code @Aggregate} class would never be called. */
    @Override
    protected void beforeTypes(RoundEnvironment round) {
        for (ExecutableElement method : ElementFilter.methodsIn(annotated(round, FactumAnnotations.APPLY))) {
            Element owner = method.getEnclosingElement();
            if (!AnnotationMirrors.has(owner, FactumAnnotations.AGGREGATE)) {
                reporter.print(method, Message.APPLY_OUTSIDE_AGGREGATE, ElementChecks.describe(method), owner.getSimpleName());
            }
        }
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        return FactumAnnotations.annotatedIn(round, env.getElementUtils(), annotation);
    }
}
