package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;
import io.factum.processor.ElementChecks;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Message;
import io.factum.processor.Reporter;
import io.factum.processor.event.EventModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Processes {@code @Upcast} methods: checks each method's shape and that it turns version N of a stored
 * name into N + 1, generates its {@code <OldRecord>Upcaster}, and at the end checks that every stored
 * name's versions form one unbroken chain.
 */
public final class UpcastStep {

    /** One step of a chain: stored name and the version it starts from. */
    private record StepKey(String storedName, int fromVersion) {}

    private static final Comparator<StepKey> BY_NAME_THEN_VERSION =
            Comparator.comparing(StepKey::storedName).thenComparingInt(StepKey::fromVersion);

    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final Elements elements;
    private final Types types;
    private final Map<StepKey, UpcasterModel> steps = new TreeMap<>(BY_NAME_THEN_VERSION);
    private final Map<StepKey, MethodRef> methods = new HashMap<>();
    private final Map<ClassName, ClassName> generatedFrom = new HashMap<>();
    private final Set<MethodRef> deferred = new LinkedHashSet<>();

    public UpcastStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
    }

    /** Validates and generates for one round's {@code @Upcast} methods, and for methods deferred from earlier rounds. */
    public void process(Set<? extends Element> annotated) {
        List<ExecutableElement> pending = new ArrayList<>();
        for (MethodRef ref : deferred) {
            ExecutableElement method = ref.resolve(elements, types);
            if (method != null) {
                pending.add(method);
            }
        }
        deferred.clear();
        for (Element element : annotated) {
            if (element instanceof ExecutableElement method) {
                pending.add(method);
            }
        }
        for (ExecutableElement method : pending) {
            try {
                UpcasterModel model = validate(method);
                if (model != null) {
                    // the class declaring the method is the origin that incremental builds track
                    GeneratedCode.write(env.getFiler(), UpcasterGenerator.generate(model), method.getEnclosingElement());
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                reporter.internalError(method, e);
            }
        }
    }

    /** Whether some method waits for a type that a later round may generate; the module must wait for it too. */
    public boolean hasDeferred() {
        return !deferred.isEmpty();
    }

    /** The valid upcasters seen so far, sorted by stored name then version: what the module lists. */
    public List<UpcasterModel> upcasters() {
        return List.copyOf(steps.values());
    }

    /**
     * Reports, once every round is done, methods whose types never resolved and every break in a chain:
     * a missing version between two others, or an old version that nothing upcasts.
     *
     * @param versions every {@code @Event} record of the compilation (and those upcasters refer to):
     *                 stored name → version → record's qualified name
     */
    public void finish(Map<String, NavigableMap<Integer, String>> versions) {
        for (MethodRef ref : deferred) {
            ExecutableElement method = ref.resolve(elements, types);
            if (method != null) {
                reporter.error(method, Message.UPCAST_UNRESOLVED, ref.display(), String.join(", ", ref.parameterTypes()));
            }
        }
        for (Map.Entry<String, NavigableMap<Integer, String>> entry : versions.entrySet()) {
            String name = entry.getKey();
            NavigableMap<Integer, String> byVersion = entry.getValue();
            int current = byVersion.lastKey();
            for (Map.Entry<Integer, String> old : byVersion.headMap(current, false).entrySet()) {
                int version = old.getKey();
                TypeElement record = elements.getTypeElement(old.getValue());
                if (record == null) {
                    continue;
                }
                if (!byVersion.containsKey(version + 1)) {
                    reporter.error(record, Message.UPCAST_GAP, name, byVersion.keySet(), version + 1, name, version + 1);
                } else if (!steps.containsKey(new StepKey(name, version))) {
                    String next = simpleName(byVersion.get(version + 1));
                    reporter.error(record, Message.UPCAST_MISSING, record.getSimpleName(), name, version, current,
                            version + 1, next, record.getSimpleName(), version);
                }
            }
        }
    }

    /** The checked model of one method, or null if it has errors (reported) or must wait for a later round. */
    private UpcasterModel validate(ExecutableElement method) {
        String display = MethodRef.display(method, types);
        int errors = reporter.errorCount();
        TypeElement declaring = (TypeElement) method.getEnclosingElement();
        ClassName upcasterOfDeclaring = ClassName.get(declaring);

        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, Message.UPCAST_NOT_STATIC, display);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(method, Message.UPCAST_PRIVATE, display, upcasterOfDeclaring.packageName());
        }
        for (Element enclosing = declaring; enclosing instanceof TypeElement type; enclosing = enclosing.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                reporter.error(method, Message.UPCAST_IN_PRIVATE_CLASS, display, type.getSimpleName());
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(method, Message.UPCAST_GENERIC, display);
        }
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, types, elements)) {
                reporter.error(method, Message.UPCAST_CHECKED_EXCEPTION, display, thrown);
            }
        }
        if (method.getParameters().size() != 1) {
            reporter.error(method, Message.UPCAST_ARITY, display, method.getParameters().size());
        }
        if (method.getReturnType().getKind() == TypeKind.VOID) {
            reporter.error(method, Message.UPCAST_VOID, display);
        }
        if (reporter.errorCount() > errors) {
            return null;
        }

        VariableElement parameter = method.getParameters().get(0);
        if (parameter.asType().getKind() == TypeKind.ERROR || method.getReturnType().getKind() == TypeKind.ERROR) {
            deferred.add(MethodRef.of(method, types)); // perhaps generated by another processor in a later round
            return null;
        }
        TypeElement fromRecord = eventRecord(parameter.asType());
        if (fromRecord == null) {
            reporter.error(parameter, Message.UPCAST_NOT_EVENT, "parameter", display, parameter.asType());
        }
        TypeElement toRecord = eventRecord(method.getReturnType());
        if (toRecord == null) {
            reporter.error(method, Message.UPCAST_NOT_EVENT, "return type", display, method.getReturnType());
        }
        if (fromRecord == null || toRecord == null) {
            return null;
        }

        EventModel from = EventModel.identityOf(fromRecord);
        EventModel to = EventModel.identityOf(toRecord);
        if (!from.storedName().equals(to.storedName())) {
            reporter.error(method, Message.UPCAST_NAME_MISMATCH, display,
                    fromRecord.getSimpleName(), label(from), toRecord.getSimpleName(), label(to),
                    toRecord.getSimpleName(), from.storedName(), from.version() + 1);
            return null;
        }
        if (to.version() != from.version() + 1) {
            reporter.error(method, Message.UPCAST_NOT_CONSECUTIVE, display, from.storedName(),
                    from.version(), to.version(), from.version() + 1);
            return null;
        }

        StepKey key = new StepKey(from.storedName(), from.version());
        MethodRef first = methods.get(key);
        if (first != null) {
            reporter.error(method, Message.UPCAST_DUPLICATE, from.storedName(), from.version(),
                    to.version(), first.display());
            return null;
        }
        ClassName upcasterClass = UpcasterModel.upcasterClassOf(upcasterOfDeclaring, from.recordClass());
        ClassName taken = generatedFrom.get(upcasterClass);
        if (taken != null) {
            reporter.error(method, Message.UPCAST_NAME_CLASH, upcasterClass, taken);
            return null;
        }

        UpcasterModel model = new UpcasterModel(upcasterClass, upcasterOfDeclaring, method.getSimpleName().toString(),
                from.recordClass(), to.recordClass(), from.storedName(), from.version());
        steps.put(key, model);
        methods.put(key, MethodRef.of(method, types));
        generatedFrom.put(upcasterClass, from.recordClass());
        return model;
    }

    /** The record behind {@code type} if it is an {@code @Event} record, else null. */
    private static TypeElement eventRecord(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return element.getKind() == ElementKind.RECORD && EventModel.identityOf(element) != null ? element : null;
    }

    private static String label(EventModel event) {
        return event.storedName() + " v" + event.version();
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
