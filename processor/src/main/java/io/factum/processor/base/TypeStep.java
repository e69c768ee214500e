package io.factum.processor.base;

import com.palantir.javapoet.JavaFile;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The shape of every step that handles one type at a time: model it (validation included), then generate.
 * The base owns what all such steps share: the guard that keeps exceptions inside {@code process()},
 * deferral by qualified name of a type whose model needs a type not generated yet, printing each
 * element's {@link ValidationReport} once, and the last round's report of what never resolved.
 * Model: Dagger's {@code TypeCheckingProcessingStep} (one element at a time, returns what it deferred).
 *
 * @param <M> the model of one type, which the generator takes
 */
public class TypeStep<M> implements ProcessingStep {

    /** Validates one type into a report and returns its model, or null (then the report says why). */
    @FunctionalInterface
    public interface Modeler<M> {
        /** @throws MissingTypeException if {@code type} refers to a type that is not generated yet */
        M model(TypeElement type, ValidationReport.Builder report);
    }

    /** Writes the code of one valid model; {@code type} is the originating element. */
    @FunctionalInterface
    public interface Generator<M> {
        void generate(TypeElement type, M model);
    }

    protected final ProcessingEnvironment env;
    protected final Reporter reporter;
    private final String annotation;
    private final Modeler<M> modeler;
    private final Generator<M> generator;
    private final Deferrals deferred = new Deferrals();
    private FailedTypes failed = new FailedTypes();
    private Consumer<TypeElement> stubs = type -> { };

    /**
     * @param annotation the annotation this step handles: on a type, that type is an element of the step; on a
     *                   method, the class declaring it is
     */
    public TypeStep(ProcessingEnvironment env, Reporter reporter, String annotation, Modeler<M> modeler,
                    Generator<M> generator) {
        this.env = env;
        this.reporter = reporter;
        this.annotation = annotation;
        this.modeler = modeler;
        this.generator = generator;
    }

    /** Shares the record of failed types with the other steps: this step adds to it, theirs read it. */
    public TypeStep<M> recordingFailuresIn(FailedTypes failedTypes) {
        this.failed = failedTypes;
        return this;
    }

    /** A generator that writes the one file {@code generator} makes of a model, originating from the type. */
    public static <M> Generator<M> oneFile(ProcessingEnvironment env, Function<M, JavaFile> generator, Consumer<M> then) {
        return (type, model) -> {
            GeneratedCode.write(env.getFiler(), generator.apply(model), type);
            then.accept(model);
        };
    }

    /** The types this step handles that this round brings, in the order javac gives them. */
    private Collection<TypeElement> typesOf(RoundEnvironment round) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (Element element : FactumAnnotations.annotatedIn(round, env.getElementUtils(), annotation)) {
            if (element instanceof TypeElement type) {
                types.add(type);
            } else if (element.getEnclosingElement() instanceof TypeElement declaring) {
                types.add(declaring);
            }
        }
        return types;
    }

    /**
     * Whether a model with errors in its report is still generated: true for a step whose model lists
     * independent parts (e.g. the upcasters of one class), each valid one generated on its own.
     */
    protected boolean generatesValidParts() {
        return false;
    }

    /**
     * Writes a stand-in for what {@code type} would have generated, after its errors were reported, so that code
     * using the generated class still compiles (no "cannot find symbol" after Factum's error). None by default.
     */
    protected void stub(TypeElement type) {
        stubs.accept(type);
    }

    /** Writes stand-ins with {@code stubs} (see {@link #stub}). */
    public TypeStep<M> stubbing(Consumer<TypeElement> stubs) {
        this.stubs = stubs;
        return this;
    }

    /** Runs before the round's types are modelled, e.g. for checks of annotations outside those types. */
    protected void beforeTypes(RoundEnvironment round) {}

    @Override
    public final void process(RoundEnvironment round) {
        Map<String, TypeElement> types = new LinkedHashMap<>();
        for (TypeElement type : deferred.takeAll(env.getElementUtils())) {
            types.put(type.getQualifiedName().toString(), type);
        }
        beforeTypes(round);
        for (TypeElement type : typesOf(round)) {
            types.putIfAbsent(type.getQualifiedName().toString(), type);
        }
        for (TypeElement type : types.values()) {
            if (process(type)) {
                deferred.defer(type);
            }
        }
    }

    /** Models and generates one type; returns whether it was deferred to the next round. */
    private boolean process(TypeElement type) {
        ValidationReport.Builder report = ValidationReport.about(type);
        try {
            M model = modeler.model(type, report);
            ValidationReport done = report.build();
            reporter.print(done);
            if (!done.isClean() || model == null) {
                failed.add(type);
                if (!generatesValidParts()) {
                    reporter.guard(type, () -> stub(type));
                }
            }
            if (model != null && (done.isClean() || generatesValidParts())) {
                reporter.guard(type, () -> generator.generate(type, model));
            }
            return false;
        } catch (MissingTypeException e) {
            if (report.isClean()) {
                return true; // retried next round; nothing is printed twice
            }
            reporter.print(report.build()); // it has errors already: abandoned
            failed.add(type);
            reporter.guard(type, () -> stub(type));
            return false;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.print(report.build());
            reporter.internalError(type, e);
            failed.add(type);
            return false;
        }
    }

    @Override
    public boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The last round: models every deferred type once more and reports what is still unresolved. */
    @Override
    public void finish() {
        for (TypeElement type : deferred.takeAll(env.getElementUtils())) {
            ValidationReport.Builder report = ValidationReport.about(type);
            try {
                modeler.model(type, report);
            } catch (MissingTypeException e) {
                unresolved(type, e, report);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                reporter.print(report.build());
                reporter.internalError(type, e);
                continue;
            }
            reporter.print(report.build());
        }
    }

    /** Reports, in the last round, that {@code type} still refers to a type that does not exist. */
    protected void unresolved(TypeElement type, MissingTypeException e, ValidationReport.Builder report) {
        Element user = e.element() != null ? e.element() : type;
        report.add(user, Message.UNRESOLVED_REFERENCE, ElementChecks.describeAny(user), e.typeName());
    }
}
