package io.factum.processor.aggregate;

import io.factum.processor.Deferrals;
import io.factum.processor.ElementChecks;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Message;
import io.factum.processor.MissingTypeException;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Processes {@code @Aggregate} classes and their {@code @Apply} methods: validate, model, and
 * generate {@code <Name>AggregateType}. An aggregate that refers to a type not generated yet is
 * retried in the next round.
 */
public final class AggregateStep {
    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final AggregateModeler modeler;
    private final Deferrals deferred = new Deferrals();

    public AggregateStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.modeler = new AggregateModeler(env.getTypeUtils(), env.getElementUtils(), reporter);
    }

    /**
     * Validates and generates for the aggregates of this round and those deferred from earlier rounds.
     *
     * @return the models of the aggregates generated in this round
     */
    public List<AggregateModel> process(RoundEnvironment round) {
        Set<TypeElement> aggregates = new LinkedHashSet<>(deferred.takeAll(env.getElementUtils()));
        aggregates.addAll(ElementFilter.typesIn(annotated(round, Names.AGGREGATE)));
        checkApplyMethodsHaveAggregates(round);
        List<AggregateModel> generated = new ArrayList<>();
        for (TypeElement aggregate : aggregates) {
            int errorsBefore = reporter.errorCount();
            try {
                reporter.guard(aggregate, () -> {
                    AggregateModel model = modeler.model(aggregate);
                    if (model != null) {
                        GeneratedCode.write(env.getFiler(), AggregateTypeGenerator.generate(model), aggregate);
                        generated.add(model);
                    }
                });
            } catch (MissingTypeException e) {
                // retry next round, unless it already has errors: then it is abandoned anyway
                if (reporter.errorCount() == errorsBefore) {
                    deferred.defer(aggregate);
                }
            }
        }
        return generated;
    }

    /** Whether some aggregate waits for a type that is not generated yet. */
    public boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The last round: report what is still unresolved, on the element that refers to it. */
    public void finish() {
        for (TypeElement aggregate : deferred.takeAll(env.getElementUtils())) {
            try {
                reporter.guard(aggregate, () -> modeler.model(aggregate));
            } catch (MissingTypeException e) {
                Element user = e.element() != null ? e.element() : aggregate;
                reporter.error(user, Message.UNRESOLVED_REFERENCE, ElementChecks.describeAny(user), e.typeName());
            }
        }
    }

    private void checkApplyMethodsHaveAggregates(RoundEnvironment round) {
        for (ExecutableElement method : ElementFilter.methodsIn(annotated(round, Names.APPLY))) {
            Element owner = method.getEnclosingElement();
            if (Names.annotation(owner, Names.AGGREGATE) == null) {
                reporter.error(method, Message.APPLY_OUTSIDE_AGGREGATE, ElementChecks.describe(method),
                        owner.getSimpleName(), owner.getSimpleName());
            }
        }
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        TypeElement type = env.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }
}
