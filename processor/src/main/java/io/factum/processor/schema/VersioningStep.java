package io.factum.processor.schema;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.Message;
import io.factum.processor.base.ProcessingStep;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModel;
import io.factum.processor.upcast.UpcastStep;
import io.factum.processor.upcast.UpcasterModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Schema evolution: versioned events, their upcasters and the event schema lock.
 *
 * <p>Each round it remembers the {@code @Event} records and handler methods it sees and processes
 * {@code @Upcast} methods ({@link UpcastStep}). When processing is over, with the whole compilation in
 * view, it checks the version chains, that no {@code @Apply} or {@code @Subscribe} method takes an old
 * version, and the schema lock ({@link SchemaLockStep}). Everything is remembered by name and found
 * again in the last round, since javac may create new elements each round.
 */
public final class VersioningStep implements ProcessingStep {

    /** The processor options this step reads. */
    public static final Set<String> OPTIONS = Set.of(LockLocation.OPTION, LockLocation.UPDATE_OPTION);

    private final Reporter reporter;
    /** Records that failed validation are reported already: no chain, handler or lock check looks at them. */
    private final FailedTypes failed;
    private final Elements elements;
    private final Types types;
    private final UpcastStep upcastStep;
    private final SchemaLockStep schemaLockStep;
    private final Set<String> eventRecords = new LinkedHashSet<>();
    /** Classes with {@code @Apply} or {@code @Subscribe} methods, by qualified name. */
    private final Set<String> handlerTypes = new TreeSet<>();

    public VersioningStep(ProcessingEnvironment env, Reporter reporter, FailedTypes failed) {
        this.reporter = reporter;
        this.failed = failed;
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.upcastStep = new UpcastStep(env, reporter);
        this.schemaLockStep = new SchemaLockStep(env, reporter);
    }

    /** Processes one round. Never throws: failures are reported on the element. */
    @Override
    public void process(RoundEnvironment round) {
        try {
            for (Element element : annotated(round, FactumAnnotations.EVENT)) {
                if (element.getKind() == ElementKind.RECORD) {
                    eventRecords.add(((TypeElement) element).getQualifiedName().toString());
                }
            }
            rememberHandlers(round, FactumAnnotations.APPLY);
            rememberHandlers(round, FactumAnnotations.SUBSCRIBE);
            if (!round.processingOver()) { // code written in the last round would not be compiled cleanly
                upcastStep.process(round);
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.internalError(null, e);
        }
    }

    /** The valid upcasters, sorted by stored name and version, for the generated module's {@code upcasters()}. */
    public List<UpcasterModel> upcasters() {
        return upcastStep.upcasters();
    }

    /** Whether an {@code @Upcast} method waits for a type of a later round: write the module only after it. */
    @Override
    public boolean hasDeferred() {
        return upcastStep.hasDeferred();
    }

    /** Checks that need the whole compilation and writes the schema lock; call once, when processing is over. */
    @Override
    public void finish() {
        try {
            List<TypeElement> records = new ArrayList<>();
            Map<String, NavigableMap<Integer, String>> versions = new TreeMap<>();
            for (String name : eventRecords) {
                TypeElement record = elements.getTypeElement(name);
                if (record != null && !failed.contains(record) && addVersion(versions, record)) {
                    records.add(record);
                }
            }
            // Records of other compilation units that upcasters refer to belong to the chains too.
            for (UpcasterModel upcaster : upcastStep.upcasters()) {
                for (String name : List.of(upcaster.fromRecord().canonicalName(), upcaster.toRecord().canonicalName())) {
                    TypeElement record = elements.getTypeElement(name);
                    if (record != null) {
                        addVersion(versions, record);
                    }
                }
            }
            upcastStep.finish();
            upcastStep.checkChains(versions);
            checkHandlers(versions);
            checkFamilies(records, versions);
            schemaLockStep.finish(records, versions);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reporter.internalError(null, e);
        }
    }

    /** Adds {@code record} under its stored name and version; false if it has no @Event or the place is taken. */
    private static boolean addVersion(Map<String, NavigableMap<Integer, String>> versions, TypeElement record) {
        EventModel identity = EventModel.identityOf(record);
        if (identity == null) {
            return false;
        }
        String qualifiedName = record.getQualifiedName().toString();
        String previous = versions.computeIfAbsent(identity.storedName(), n -> new TreeMap<>())
                .putIfAbsent(identity.version(), qualifiedName);
        return previous == null || previous.equals(qualifiedName);
    }

    private void rememberHandlers(RoundEnvironment round, String annotation) {
        for (Element element : annotated(round, annotation)) {
            if (element instanceof ExecutableElement method && method.getEnclosingElement() instanceof TypeElement type) {
                handlerTypes.add(type.getQualifiedName().toString());
            }
        }
    }

    /** Aggregates and subscribers only ever see current versions: an old version as a parameter is an error. */
    private void checkHandlers(Map<String, NavigableMap<Integer, String>> versions) {
        ValidationReport.Builder report = ValidationReport.about(null);
        for (String typeName : handlerTypes) {
            TypeElement type = elements.getTypeElement(typeName);
            if (type == null) {
                continue;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                String kind = AnnotationMirrors.has(method, FactumAnnotations.APPLY) ? "Apply"
                        : AnnotationMirrors.has(method, FactumAnnotations.SUBSCRIBE) ? "Subscribe" : null;
                if (kind != null && !method.getParameters().isEmpty()) {
                    checkHandler(method, kind, versions, report);
                }
            }
        }
        reporter.print(report.build());
    }

    private static void checkHandler(ExecutableElement method, String kind, Map<String, NavigableMap<Integer, String>> versions,
                                     ValidationReport.Builder report) {
        VariableElement parameter = method.getParameters().get(0);
        if (parameter.asType().getKind() != TypeKind.DECLARED) {
            return;
        }
        TypeElement record = (TypeElement) ((DeclaredType) parameter.asType()).asElement();
        EventModel identity = EventModel.identityOf(record);
        NavigableMap<Integer, String> known = identity == null ? null : versions.get(identity.storedName());
        if (known != null && known.lastKey() > identity.version()) {
            String currentSimple = simpleName(known.lastEntry().getValue());
            report.add(parameter, Message.OLD_VERSION_HANDLED, record.getSimpleName(), identity.storedName(),
                    identity.version(), known.lastKey(), currentSimple, kind);
        }
    }

    /** An old version in a sealed event family could be recorded, and would need an apply method it must not have. */
    private void checkFamilies(List<TypeElement> records, Map<String, NavigableMap<Integer, String>> versions) {
        ValidationReport.Builder report = ValidationReport.about(null);
        for (TypeElement record : records) {
            EventModel identity = EventModel.identityOf(record);
            NavigableMap<Integer, String> known = versions.get(identity.storedName());
            if (known.lastKey() <= identity.version()) {
                continue;
            }
            String current = simpleName(known.lastEntry().getValue());
            for (TypeMirror implemented : record.getInterfaces()) {
                Element family = types.asElement(implemented);
                if (family != null && family.getModifiers().contains(Modifier.SEALED)) {
                    report.add(record, Message.OLD_VERSION_IN_FAMILY, record.getSimpleName(), identity.storedName(),
                            identity.version(), known.lastKey(), current, family.getSimpleName());
                }
            }
        }
        reporter.print(report.build());
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        TypeElement type = elements.getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }
}
