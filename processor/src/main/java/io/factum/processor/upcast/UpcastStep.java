package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Upcast} methods, one declaring class at a time: model each method (its shape, and that it turns
 * version N of a stored name into N + 1), then generate its {@code <OldRecord>Upcaster}. A class whose
 * methods refer to a type not generated yet waits as a whole. At the end, {@link #checkChains} checks that
 * every stored name's versions form one unbroken chain.
 */
public final class UpcastStep extends TypeStep<List<UpcasterModel>> {

    /** One step of a chain: stored name and the version it starts from. */
    private record StepKey(String storedName, int fromVersion) {}

    private static final Comparator<StepKey> BY_NAME_THEN_VERSION =
            Comparator.comparing(StepKey::storedName).thenComparingInt(StepKey::fromVersion);

    private final Map<StepKey, UpcasterModel> steps = new TreeMap<>(BY_NAME_THEN_VERSION);
    /** The method each step was generated from, as messages show it. */
    private final Map<StepKey, String> methods = new HashMap<>();
    private final Map<ClassName, ClassName> generatedFrom = new HashMap<>();

    public UpcastStep(ProcessingEnvironment env, Reporter reporter) {
        super(env, reporter);
    }

    @Override
    protected Collection<TypeElement> typesOf(RoundEnvironment round) {
        Set<TypeElement> declaring = new LinkedHashSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(
                FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.UPCAST))) {
            declaring.add((TypeElement) method.getEnclosingElement());
        }
        return declaring;
    }

    /** The upcasters of {@code declaring}'s valid methods; the invalid ones are in {@code report}. */
    @Override
    protected List<UpcasterModel> model(TypeElement declaring, ValidationReport.Builder report) {
        List<UpcasterModel> models = new ArrayList<>();
        Map<StepKey, String> firstInClass = new HashMap<>();
        Map<ClassName, ClassName> classesInClass = new HashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
            if (method.getKind() != ElementKind.METHOD || !AnnotationMirrors.has(method, FactumAnnotations.UPCAST)) {
                continue;
            }
            UpcasterModel model = model(method, report, firstInClass, classesInClass);
            if (model != null) {
                models.add(model);
            }
        }
        return models;
    }

    /** Generates every valid upcaster of the class (its invalid methods are reported, the others go on). */
    @Override
    protected void generate(TypeElement declaring, List<UpcasterModel> models) {
        for (UpcasterModel model : models) {
            StepKey key = new StepKey(model.storedName(), model.fromVersion());
            steps.put(key, model);
            methods.put(key, display(declaring, model.methodName(), model.fromRecord()));
            generatedFrom.put(model.upcasterClass(), model.fromRecord());
            // the class declaring the method is the origin that incremental builds track
            GeneratedCode.write(env.getFiler(), UpcasterGenerator.generate(model), declaring);
        }
    }

    /** Valid methods are generated even when a sibling method has errors: each method is its own element. */
    @Override
    protected boolean generatesValidParts() {
        return true;
    }

    @Override
    protected void unresolved(TypeElement type, MissingTypeException e, ValidationReport.Builder report) {
        ExecutableElement method = (ExecutableElement) e.element();
        report.add(method, Message.UPCAST_UNRESOLVED, display(method), e.typeName());
    }

    /** The valid upcasters seen so far, sorted by stored name then version: what the module lists. */
    public List<UpcasterModel> upcasters() {
        return List.copyOf(steps.values());
    }

    /**
     * Reports, once every round is done, every break in a chain: a missing version between two others, or an
     * old version that nothing upcasts.
     *
     * @param versions every {@code @Event} record of the compilation (and those upcasters refer to):
     *                 stored name → version → record's qualified name
     */
    public void checkChains(Map<String, NavigableMap<Integer, String>> versions) {
        ValidationReport.Builder report = ValidationReport.about(null);
        for (Map.Entry<String, NavigableMap<Integer, String>> entry : versions.entrySet()) {
            String name = entry.getKey();
            NavigableMap<Integer, String> byVersion = entry.getValue();
            int current = byVersion.lastKey();
            for (Map.Entry<Integer, String> old : byVersion.headMap(current, false).entrySet()) {
                int version = old.getKey();
                TypeElement record = env.getElementUtils().getTypeElement(old.getValue());
                if (record == null) {
                    continue;
                }
                if (!byVersion.containsKey(version + 1)) {
                    report.add(record, Message.UPCAST_GAP, name, byVersion.keySet(), version + 1);
                } else if (!steps.containsKey(new StepKey(name, version))) {
                    String next = simpleName(byVersion.get(version + 1));
                    report.add(record, Message.UPCAST_MISSING, record.getSimpleName(), name, version, current,
                            version + 1, next);
                }
            }
        }
        reporter.print(report.build());
    }

    /**
     * The checked model of one method, or null if it has errors (in {@code report}).
     *
     * @throws MissingTypeException if its parameter or return type is not resolved yet (perhaps generated by
     *                              another processor in a later round)
     */
    private UpcasterModel model(ExecutableElement method, ValidationReport.Builder report,
                                Map<StepKey, String> firstInClass, Map<ClassName, ClassName> classesInClass) {
        ValidationReport.Builder shape = ValidationReport.about(method);
        checkShape(method, shape);
        report.addSubreport(shape.build());
        if (!shape.isClean()) {
            return null;
        }
        String display = display(method);
        VariableElement parameter = method.getParameters().get(0);
        if (parameter.asType().getKind() == TypeKind.ERROR || method.getReturnType().getKind() == TypeKind.ERROR) {
            throw new MissingTypeException(method, parameterTypes(method));
        }
        TypeElement fromRecord = eventRecord(parameter.asType());
        if (fromRecord == null) {
            report.add(parameter, Message.UPCAST_NOT_EVENT, "parameter", display, parameter.asType());
        }
        TypeElement toRecord = eventRecord(method.getReturnType());
        if (toRecord == null) {
            report.add(method, Message.UPCAST_NOT_EVENT, "return type", display, method.getReturnType());
        }
        if (fromRecord == null || toRecord == null) {
            return null;
        }

        EventModel from = EventModel.identityOf(fromRecord);
        EventModel to = EventModel.identityOf(toRecord);
        if (!from.storedName().equals(to.storedName())) {
            report.add(method, Message.UPCAST_NAME_MISMATCH, display, fromRecord.getSimpleName(), label(from),
                    toRecord.getSimpleName(), label(to), from.storedName(), from.version() + 1);
            return null;
        }
        if (to.version() != from.version() + 1) {
            report.add(method, Message.UPCAST_NOT_CONSECUTIVE, display, from.storedName(),
                    from.version(), to.version(), from.version() + 1);
            return null;
        }

        StepKey key = new StepKey(from.storedName(), from.version());
        String first = methods.getOrDefault(key, firstInClass.get(key));
        if (first != null) {
            report.add(method, Message.UPCAST_DUPLICATE, from.storedName(), from.version(), to.version(), first);
            return null;
        }
        ClassName declaring = ClassName.get((TypeElement) method.getEnclosingElement());
        ClassName upcasterClass = UpcasterModel.upcasterClassOf(declaring, from.recordClass());
        ClassName taken = generatedFrom.getOrDefault(upcasterClass, classesInClass.get(upcasterClass));
        if (taken != null) {
            report.add(method, Message.UPCAST_NAME_CLASH, upcasterClass, taken);
            return null;
        }
        firstInClass.put(key, display);
        classesInClass.put(upcasterClass, from.recordClass());
        return new UpcasterModel(upcasterClass, declaring, method.getSimpleName().toString(),
                from.recordClass(), to.recordClass(), from.storedName(), from.version());
    }

    /** What the generated upcaster needs of the method itself: a static, reachable, one-in one-out method. */
    private void checkShape(ExecutableElement method, ValidationReport.Builder report) {
        String display = display(method);
        TypeElement declaring = (TypeElement) method.getEnclosingElement();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            report.add(method, Message.UPCAST_NOT_STATIC, display);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.add(method, Message.UPCAST_PRIVATE, display, Accessibility.packageOf(declaring));
        }
        for (TypeElement type : Accessibility.privateTypes(declaring)) {
            report.add(method, Message.UPCAST_IN_PRIVATE_CLASS, display, type.getSimpleName());
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.add(method, Message.UPCAST_GENERIC, display);
        }
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, env.getTypeUtils(), env.getElementUtils())) {
                report.add(method, Message.UPCAST_CHECKED_EXCEPTION, display, thrown);
            }
        }
        if (method.getParameters().size() != 1) {
            report.add(method, Message.UPCAST_ARITY, display, method.getParameters().size());
        }
        if (method.getReturnType().getKind() == TypeKind.VOID) {
            report.add(method, Message.UPCAST_VOID, display);
        }
    }

    /** The record behind {@code type} if it is an {@code @Event} record, else null. */
    private static TypeElement eventRecord(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return FactumAnnotations.isEventRecord(element) ? element : null;
    }

    /** {@code Type.method(Param)}, as messages show an upcast method. */
    private String display(ExecutableElement method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(simpleName(env.getTypeUtils().erasure(parameter.asType()).toString()));
        }
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + parameters;
    }

    private static String display(TypeElement declaring, String method, ClassName parameter) {
        return declaring.getSimpleName() + "." + method + "(" + parameter.simpleName() + ")";
    }

    /** The erasures of the method's parameter types, as javac names them. */
    private String parameterTypes(ExecutableElement method) {
        StringJoiner types = new StringJoiner(", ");
        for (VariableElement parameter : method.getParameters()) {
            types.add(env.getTypeUtils().erasure(parameter.asType()).toString());
        }
        return types.toString();
    }

    private static String label(EventModel event) {
        return event.storedName() + " v" + event.version();
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
