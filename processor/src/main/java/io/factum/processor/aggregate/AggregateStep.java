package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.event.RecordCodecs;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Aggregate} classes and their {@code @Apply} methods: model ({@link AggregateModeler}), then
 * generate {@code <Name>AggregateType} ({@link AggregateTypeGenerator}). Each generated model is handed
 * to {@code generated}, for the module.
 */
public final class AggregateStep extends TypeStep<AggregateModel> {

    public AggregateStep(ProcessingEnvironment env, Reporter reporter, FailedTypes failed, RecordCodecs codecs,
                         Consumer<AggregateModel> generated) {
        super(env, reporter, FactumAnnotations.AGGREGATE,
                new AggregateModeler(env, failed, codecs)::model,
                TypeStep.oneFile(env, AggregateTypeGenerator::generate, model -> {
                    if (model.snapshot() != null) {
                        codecs.write(elementOf(env, model), model.snapshot().codecs());
                    }
                    generated.accept(model);
                }));
        recordingFailuresIn(failed);
    }

    private static TypeElement elementOf(ProcessingEnvironment env, AggregateModel model) {
        return env.getElementUtils().getTypeElement(model.aggregateClass().canonicalName());
    }

    /** A stand-in {@code <Name>AggregateType}: typed as {@code AggregateType<A, E>} when the class and family allow it. */
    @Override
    protected void stub(TypeElement aggregate) {
        ClassName typeClass = GeneratedNames.aggregateTypeOf(ClassName.get(aggregate));
        ClassName family = nameableFamily(aggregate);
        boolean typed = family != null && aggregate.getKind() == ElementKind.CLASS
                && Accessibility.isVisibleInPackage(aggregate) && aggregate.getTypeParameters().isEmpty();
        GeneratedCode.write(env.getFiler(),
                AggregateStubGenerator.generate(typeClass, typed ? ClassName.get(aggregate) : null, family), aggregate);
    }

    /** The aggregate's event family if the stub can name it: a resolved, non-generic, visible type; else null. */
    private ClassName nameableFamily(TypeElement aggregate) {
        if (aggregate.getKind() != ElementKind.CLASS) {
            return null;
        }
        try {
            AggregateHierarchy hierarchy = AggregateHierarchy.of(aggregate, env.getTypeUtils());
            if (hierarchy.root() == null || hierarchy.root().getTypeArguments().size() != 1
                    || !(hierarchy.root().getTypeArguments().get(0) instanceof DeclaredType family)
                    || !family.getTypeArguments().isEmpty()) {
                return null;
            }
            TypeElement element = (TypeElement) family.asElement();
            return Accessibility.isAccessible(element, Accessibility.packageOf(aggregate)) ? ClassName.get(element) : null;
        } catch (MissingTypeException e) {
            return null;
        }
    }

    /** An {@code @Apply} method outside an {@code @Aggregate} class or a base class of aggregates would never be called. */
    @Override
    protected void beforeTypes(RoundEnvironment round) {
        for (ExecutableElement method : ElementFilter.methodsIn(
                FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.APPLY))) {
            Element owner = method.getEnclosingElement();
            if (!AnnotationMirrors.has(owner, FactumAnnotations.AGGREGATE)
                    && !(owner instanceof TypeElement type && AggregateHierarchy.extendsAggregateRoot(type))) {
                String fix = owner.getKind().isInterface()
                        ? "move it into an abstract base class that extends AggregateRoot (an interface's method is not"
                                + " called), or remove @Apply"
                        : "annotate " + owner.getSimpleName() + " with @Aggregate, or remove @Apply";
                reporter.print(method, Message.APPLY_OUTSIDE_AGGREGATE, ElementChecks.describe(method), owner.getSimpleName(), fix);
            }
        }
    }
}
