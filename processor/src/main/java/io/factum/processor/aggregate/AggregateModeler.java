package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import io.factum.processor.aggregate.AggregateModel.AppliedEvent;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.HandlerMethods;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventFamilies;
import io.factum.processor.event.EventFamily;
import io.factum.processor.event.EventModel;
import io.factum.processor.event.RecordCodecs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @Aggregate} class and builds its {@link AggregateModel}. Every problem is
 * reported on the most specific element; any error means no model, so nothing is generated for
 * this aggregate while the others carry on.
 */
final class AggregateModeler {

    private final ProcessingEnvironment env;
    private final Types types;
    private final Elements elements;
    private final FailedTypes failed;
    private final SnapshotModeler snapshots;
    /** Inherited {@code @Apply} methods whose errors were reported already, by declaring class and signature. */
    private final Set<String> reportedInherited = new HashSet<>();

    AggregateModeler(ProcessingEnvironment env, FailedTypes failed, RecordCodecs codecs) {
        this.env = env;
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.failed = failed;
        this.snapshots = new SnapshotModeler(env, codecs);
    }

    /** An {@code @Apply} method that passed its own checks. */
    private record ApplyMethod(EventModel event, ExecutableElement method) {}

    /**
     * The model of {@code aggregate}, or null when {@code report} has errors.
     *
     * @throws MissingTypeException if it refers to a type that is not generated yet
     */
    AggregateModel model(TypeElement aggregate, ValidationReport.Builder report) {
        AnnotationMirror annotation = AnnotationMirrors.find(aggregate, FactumAnnotations.AGGREGATE);
        String simpleName = aggregate.getSimpleName().toString();
        if (aggregate.getKind() != ElementKind.CLASS) {
            report.add(aggregate, annotation, Message.AGGREGATE_KIND, simpleName, ElementChecks.describeKind(aggregate));
            return null;
        }
        ClassName typeClass = GeneratedNames.aggregateTypeOf(ClassName.get(aggregate));
        checkDeclaration(aggregate, typeClass.simpleName(), report);
        AggregateHierarchy hierarchy = AggregateHierarchy.of(aggregate, types);
        List<ExecutableElement> applyMethods = hierarchy.applyMethods(elements);
        EventFamily family = family(hierarchy, report);
        List<ApplyMethod> applies = applyMethods(aggregate, applyMethods, family, typeClass, report);
        List<EventModel> ignored = ignores(aggregate, annotation, family, applies, report);
        // An annotation javac cannot resolve (misspelt, not imported) may be the @Apply the author meant:
        // javac reports it, so the events that method would handle are not also reported as missing.
        if (family != null && family.isClosed() && !AnnotationMirrors.anyUnresolvedOnMethods(env, aggregate)) {
            checkExhaustive(aggregate, applyMethods, family, ignored, report);
        }
        checkDistinctStoredNames(aggregate, applies, ignored, report);
        if (!report.isClean()) {
            return null;
        }
        SnapshotModel snapshot = snapshots.model(aggregate, annotation, applyMethods, report);
        if (!report.isClean()) {
            return null;
        }
        return new AggregateModel(ClassName.get(aggregate), aggregateName(aggregate, annotation), family.type(),
                family.kind(), inFamilyOrder(family, applies), ignored, snapshot);
    }

    /** What the generated type needs from the class itself: it can name it and create it. */
    private static void checkDeclaration(TypeElement aggregate, String typeClass, ValidationReport.Builder report) {
        String name = aggregate.getSimpleName().toString();
        if (!Accessibility.isVisibleInPackage(aggregate)) {
            // its implicit constructor is private too: one error is enough
            report.add(aggregate, Message.AGGREGATE_PRIVATE, name, typeClass);
            return;
        }
        if (aggregate.getModifiers().contains(Modifier.ABSTRACT)) {
            report.add(aggregate, Message.AGGREGATE_ABSTRACT, name, typeClass);
        }
        if (aggregate.getNestingKind() == NestingKind.MEMBER && !aggregate.getModifiers().contains(Modifier.STATIC)) {
            report.add(aggregate, Message.AGGREGATE_INNER, name, typeClass);
        }
        if (!aggregate.getTypeParameters().isEmpty()) {
            report.add(aggregate, Message.AGGREGATE_GENERIC, name, typeClass);
        }
        ExecutableElement privateNoArg = null;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(aggregate.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
                    return;
                }
                privateNoArg = constructor;
            }
        }
        report.add(privateNoArg != null ? privateNoArg : aggregate, Message.AGGREGATE_CONSTRUCTOR, name, typeClass);
    }

    /** The family from {@code extends AggregateRoot<E>} (directly or through base classes), or null after reporting why there is none. */
    private EventFamily family(AggregateHierarchy hierarchy, ValidationReport.Builder report) {
        TypeElement aggregate = hierarchy.aggregate();
        String name = aggregate.getSimpleName().toString();
        if (hierarchy.root() == null) {
            report.add(aggregate, Message.AGGREGATE_SUPERCLASS, name, aggregate.getSuperclass());
            return null;
        }
        List<? extends TypeMirror> arguments = hierarchy.root().getTypeArguments();
        if (arguments.isEmpty()) {
            report.add(aggregate, Message.AGGREGATE_RAW_ROOT, name);
            return null;
        }
        TypeMirror familyType = arguments.get(0);
        TypeElement familyElement = EventFamilies.typeElement(familyType, aggregate);
        ValidationReport.Builder members = ValidationReport.about(aggregate);
        EventFamily family = familyElement == null || !((DeclaredType) familyType).getTypeArguments().isEmpty()
                ? null
                : EventFamilies.resolve(familyElement, aggregate, members, failed);
        report.addSubreport(members.build());
        if (family == null && members.isClean()) {
            report.add(aggregate, Message.AGGREGATE_FAMILY_KIND, name, familyType);
        }
        return family;
    }

    private List<ApplyMethod> applyMethods(TypeElement aggregate, List<ExecutableElement> methods, EventFamily family,
                                           ClassName typeClass, ValidationReport.Builder report) {
        List<ApplyMethod> applies = new ArrayList<>();
        Map<ClassName, ExecutableElement> byEvent = new LinkedHashMap<>();
        for (ExecutableElement method : methods) {
            ValidationReport.Builder methodReport = ValidationReport.about(method);
            EventModel event = applyMethod(aggregate, method, family, typeClass.simpleName(), methodReport);
            TypeElement declaring = (TypeElement) method.getEnclosingElement();
            if (!declaring.equals(aggregate)) {
                checkInherited(method, declaring, typeClass, methodReport);
                if (!methodReport.isClean() && !reportedInherited.add(declaring.getQualifiedName() + "#" + method)) {
                    // an inherited method's errors are its own: reported once, for the first aggregate that meets them
                    report.blockedBy(declaring);
                    continue;
                }
            }
            report.addSubreport(methodReport.build());
            if (event == null || !methodReport.isClean()) {
                continue;
            }
            ExecutableElement previous = byEvent.putIfAbsent(event.recordClass(), method);
            if (previous != null) {
                report.add(method, Message.APPLY_DUPLICATE, aggregate.getSimpleName(), event.recordClass().simpleName(),
                        ElementChecks.describe(previous), ElementChecks.describe(method));
                continue;
            }
            applies.add(new ApplyMethod(event, method));
        }
        return applies;
    }

    /** Checks one {@code @Apply} method into {@code report}; returns the event it applies, or null if it has errors. */
    private EventModel applyMethod(TypeElement aggregate, ExecutableElement method, EventFamily family, String typeClass,
                                   ValidationReport.Builder report) {
        String described = ElementChecks.describe(method);
        HandlerMethods.check(method, HandlerMethods.APPLY, typeClass, report);
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, types, elements)) {
                report.add(method, Message.APPLY_CHECKED_EXCEPTION, described, ElementChecks.simpleName(thrown));
            }
        }
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.size() != 1) {
            String fix = parameters.isEmpty()
                    ? "add the event parameter, e.g. `void " + method.getSimpleName() + "(OrderCreated event)`"
                    : "split it into one @Apply method per event";
            report.add(method, Message.APPLY_ARITY, described, parameters.size(), fix);
            return null;
        }
        VariableElement parameter = parameters.get(0);
        TypeMirror parameterType = parameterType(aggregate, method);
        TypeElement record = EventFamilies.typeElement(parameterType, parameter);
        if (record != null && failed.contains(record)) {
            return null; // the event's own error is enough: this method is left out, the aggregate goes on
        }
        if (record == null || !FactumAnnotations.isEventRecord(record)) {
            report.add(parameter, Message.APPLY_NOT_EVENT, described, parameterType);
            return null;
        }
        EventModel event = EventModel.identityOf(record);
        if (family != null && !isMember(family, record)) {
            String familyName = family.type().simpleName();
            report.add(parameter, Message.APPLY_NOT_IN_FAMILY, record.getSimpleName(), aggregate.getSimpleName(), familyName);
        }
        return report.isClean() ? event : null;
    }

    /**
     * The type of the (first) parameter of {@code method} as a member of {@code aggregate}: a generic base class's
     * {@code void on(C event)} takes what the aggregate binds {@code C} to, as Java calls it.
     */
    private TypeMirror parameterType(TypeElement aggregate, ExecutableElement method) {
        TypeMirror declared = method.getParameters().get(0).asType();
        if (method.getEnclosingElement().equals(aggregate)) {
            return declared;
        }
        try {
            ExecutableType member = (ExecutableType) types.asMemberOf((DeclaredType) aggregate.asType(), method);
            return member.getParameterTypes().get(0);
        } catch (IllegalArgumentException e) {
            return declared; // not a member as javac sees it: checked as declared
        }
    }

    /** The generated type, in the aggregate's package, calls an inherited method through the aggregate. */
    private static void checkInherited(ExecutableElement method, TypeElement declaring, ClassName typeClass,
                                       ValidationReport.Builder report) {
        String basePackage = Accessibility.packageOf(declaring);
        if (basePackage.equals(typeClass.packageName())) {
            return; // package access is enough, and private is ApplyPrivate
        }
        if (!method.getModifiers().contains(Modifier.PUBLIC) || !Accessibility.isAccessible(declaring, typeClass.packageName())) {
            report.add(method, Message.APPLY_INACCESSIBLE, ElementChecks.describe(method), declaring.getSimpleName(),
                    basePackage, typeClass.simpleName(), typeClass.packageName());
        }
    }

    private boolean isMember(EventFamily family, TypeElement record) {
        if (family.isClosed()) {
            return family.member(ClassName.get(record)) != null;
        }
        return family.type().equals(ClassName.get(record)) || implementsFamily(record, family.type());
    }

    /** For an open family: does the record implement the family interface (directly or not)? */
    private boolean implementsFamily(TypeElement record, ClassName family) {
        for (TypeMirror supertype : types.directSupertypes(record.asType())) {
            TypeElement element = (TypeElement) types.asElement(supertype);
            if (element != null && (ClassName.get(element).equals(family) || implementsFamily(element, family))) {
                return true;
            }
        }
        return false;
    }

    private List<EventModel> ignores(TypeElement aggregate, AnnotationMirror annotation, EventFamily family,
                                     List<ApplyMethod> applies, ValidationReport.Builder report) {
        List<EventModel> ignored = new ArrayList<>();
        AnnotationValue written = AnnotationMirrors.writtenValue(annotation, "ignores");
        if (written == null) {
            return ignored;
        }
        for (AnnotationValue value : AnnotationMirrors.entries(written)) {
            if (!(value.getValue() instanceof TypeMirror type)) {
                // javac gives an unresolved class literal as a string such as "<error>"
                throw new MissingTypeException(aggregate, value.toString());
            }
            TypeElement record = EventFamilies.typeElement(type, aggregate);
            String familyName = family == null ? "(none)" : family.type().simpleName();
            if (record == null || !FactumAnnotations.isEventRecord(record) || (family != null && !isMember(family, record))) {
                report.add(aggregate, annotation, value, Message.IGNORE_NOT_IN_FAMILY,
                        ElementChecks.simpleName(type), aggregate.getSimpleName(), familyName);
                continue;
            }
            for (ApplyMethod apply : applies) {
                if (apply.event().recordClass().equals(ClassName.get(record))) {
                    report.add(aggregate, annotation, value, Message.IGNORE_HAS_APPLY, record.getSimpleName(),
                            aggregate.getSimpleName(), ElementChecks.describe(apply.method()));
                }
            }
            ignored.add(EventModel.identityOf(record));
        }
        return ignored;
    }

    private void checkExhaustive(TypeElement aggregate, List<ExecutableElement> applyMethods, EventFamily family,
                                        List<EventModel> ignored, ValidationReport.Builder report) {
        Set<ClassName> attempted = eventsNamed(aggregate, applyMethods);
        List<String> missing = new ArrayList<>();
        for (EventModel member : family.members()) {
            boolean handled = ignored.stream().anyMatch(e -> e.recordClass().equals(member.recordClass()))
                    || attempted.contains(member.recordClass());
            if (!handled) {
                missing.add(member.recordClass().simpleName());
            }
        }
        if (!missing.isEmpty()) {
            String name = aggregate.getSimpleName().toString();
            report.add(aggregate, Message.APPLY_MISSING, name, family.type().simpleName(),
                    String.join(", ", missing), missing.get(0));
        }
    }

    /**
     * The types named by the parameters of every {@code @Apply} method (inherited ones too), valid or not: a method
     * with errors is reported on its own line, so the events it names are not also reported as missing.
     */
    private Set<ClassName> eventsNamed(TypeElement aggregate, List<ExecutableElement> applyMethods) {
        Set<ClassName> named = new HashSet<>();
        List<ExecutableElement> all = new ArrayList<>(applyMethods);
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(aggregate))) {
            if (method.getEnclosingElement().getKind().isInterface() && AnnotationMirrors.has(method, FactumAnnotations.APPLY)) {
                all.add(method); // ApplyOutsideAggregate on the interface says it all
            }
        }
        for (ExecutableElement method : all) {
            if (!method.getParameters().isEmpty() && parameterType(aggregate, method) instanceof DeclaredType declared) {
                named.add(ClassName.get((TypeElement) declared.asElement()));
            }
            for (VariableElement parameter : method.getParameters()) {
                if (parameter.asType() instanceof DeclaredType declared) {
                    named.add(ClassName.get((TypeElement) declared.asElement()));
                }
            }
        }
        return named;
    }

    /** Replay selects the apply method by stored name, so the names must differ. */
    private static void checkDistinctStoredNames(TypeElement aggregate, List<ApplyMethod> applies, List<EventModel> ignored,
                                                 ValidationReport.Builder report) {
        Map<String, EventModel> byName = new LinkedHashMap<>();
        List<EventModel> events = new ArrayList<>();
        applies.forEach(apply -> events.add(apply.event()));
        events.addAll(ignored);
        for (EventModel event : events) {
            EventModel previous = byName.putIfAbsent(event.storedName(), event);
            if (previous != null && !previous.recordClass().equals(event.recordClass())) {
                report.add(aggregate, Message.FAMILY_DUPLICATE_NAME, previous.recordClass().simpleName(),
                        event.recordClass().simpleName(), aggregate.getSimpleName(), event.storedName());
            }
        }
    }

    private static String aggregateName(TypeElement aggregate, AnnotationMirror annotation) {
        Object name = AnnotationMirrors.value(annotation, "name");
        return name == null || name.toString().isEmpty() ? aggregate.getSimpleName().toString() : name.toString();
    }

    /** Sealed families dispatch in {@code permits} order; open ones in declaration order. */
    private static List<AppliedEvent> inFamilyOrder(EventFamily family, List<ApplyMethod> applies) {
        List<AppliedEvent> ordered = new ArrayList<>();
        if (family.isClosed()) {
            for (EventModel member : family.members()) {
                for (ApplyMethod apply : applies) {
                    if (apply.event().recordClass().equals(member.recordClass())) {
                        ordered.add(new AppliedEvent(apply.event(), apply.method().getSimpleName().toString()));
                    }
                }
            }
        } else {
            for (ApplyMethod apply : applies) {
                ordered.add(new AppliedEvent(apply.event(), apply.method().getSimpleName().toString()));
            }
        }
        return ordered;
    }
}
