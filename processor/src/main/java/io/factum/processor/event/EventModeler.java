package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ClassPath;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Validates one {@code @Event} record and models it with the codecs it needs: its own and those of the records
 * its components use. Component types are judged by {@link ComponentTypes}; each record is analysed once per
 * compilation (results are cached across rounds, so an error is reported once), and a component whose type
 * is not resolved yet makes the event wait for the next round.
 */
final class EventModeler {

    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern STORED_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    /**
     * A valid event and what must be generated for it.
     *
     * @param event  the event's identity
     * @param codecs the codecs of the event and the records it uses, in the order to write them
     */
    record EventCodecs(EventModel event, List<RecordCodecModel> codecs) {}

    /**
     * One record's own components, analysed.
     *
     * @param model                    the codec model; null if a component has errors or is unresolved
     * @param unresolved               the first component whose type is not known yet (perhaps generated in a
     *                                 later round), if nothing else is wrong; else null
     * @param nestedRecordsByComponent the records each component's type uses, by component name
     */
    record Analysis(RecordCodecModel model, RecordComponentElement unresolved,
                    Map<String, Set<TypeElement>> nestedRecordsByComponent) {

        boolean valid() {
            return model != null;
        }
    }

    private final Map<String, Analysis> analysed = new HashMap<>();
    /** Stored name + version → the first record that claimed it, across rounds. */
    private final Map<String, ClassName> storedIdentities = new HashMap<>();
    /** First records already marked with {@code DuplicateEvent}: a third record of the name is one error, on it. */
    private final Set<ClassName> markedFirst = new HashSet<>();
    /** Whether a record's codec exists already (an earlier round, another jar): such a record is trusted. */
    private final Predicate<TypeElement> codecExists;
    private final ClassPath classPath;
    private final Elements elements;

    EventModeler(Predicate<TypeElement> codecExists, ClassPath classPath, Elements elements) {
        this.codecExists = codecExists;
        this.classPath = classPath;
        this.elements = elements;
    }

    /**
     * The model of {@code element}, or null when {@code report} has errors.
     *
     * @throws MissingTypeException if a component type is not resolved yet and nothing else is wrong
     */
    EventCodecs model(TypeElement element, ValidationReport.Builder report) {
        AnnotationMirror annotation = AnnotationMirrors.find(element, FactumAnnotations.EVENT);
        if (element.getKind() != ElementKind.RECORD) {
            String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            report.add(element, annotation, Message.EVENT_NOT_RECORD, kind + " " + element.getSimpleName(), element.getSimpleName());
            return null;
        }
        EventModel event = EventModel.identityOf(element);
        validateDeclaration(element, annotation, event, report);
        // an invalid record analysed before (as a record an earlier event uses) had its errors reported then
        List<RecordCodecModel> codecs = recordCodecs(element, report);
        if (codecs == null) {
            return null;
        }
        return new EventCodecs(event, codecs);
    }

    /**
     * The codecs a record that is not an event needs (an aggregate's snapshot): its own and those of the records it
     * uses, in the order to write them; null when {@code report} has errors (reported on the components).
     *
     * @throws MissingTypeException if a component type is not resolved yet and nothing else is wrong
     */
    List<RecordCodecModel> recordCodecs(TypeElement record, ValidationReport.Builder report) {
        List<TypeElement> records = reachableRecords(record, report);
        if (!report.isClean() || !analyse(record, report).valid()) {
            return null;
        }
        List<RecordCodecModel> codecs = new ArrayList<>();
        for (TypeElement reachable : records) {
            codecs.add(analyse(reachable, report).model());
        }
        return codecs;
    }

    private void validateDeclaration(TypeElement record, AnnotationMirror annotation, EventModel event,
                                     ValidationReport.Builder report) {
        boolean identityValid = true;
        if (event.version() < 1) {
            report.add(record, annotation, Message.EVENT_VERSION, event.version());
            identityValid = false;
        }
        if (event.storedName().length() > MAX_NAME_LENGTH || !STORED_NAME.matcher(event.storedName()).matches()) {
            report.add(record, annotation, Message.EVENT_NAME, event.storedName(), MAX_NAME_LENGTH);
            identityValid = false;
        }
        String accessProblem = Accessibility.accessProblem(record, Accessibility.packageOf(record));
        if (accessProblem != null) {
            report.add(record, annotation, Message.EVENT_NOT_ACCESSIBLE,
                    record.getSimpleName(), Accessibility.packageOf(record), "it " + accessProblem);
        }
        if (!record.getTypeParameters().isEmpty()) {
            report.add(record, annotation, Message.EVENT_GENERIC, record.getSimpleName(), record.getTypeParameters());
        }
        if (identityValid) {
            String key = event.storedName() + " v" + event.version();
            ClassName first = storedIdentities.putIfAbsent(key, event.recordClass());
            if (first != null && !first.equals(event.recordClass())) {
                Object[] args = {first.canonicalName(), event.recordClass().canonicalName(), event.storedName(), event.version()};
                report.add(record, annotation, Message.DUPLICATE_EVENT, args);
                // on both records: either may be the one to change
                TypeElement firstRecord = elements.getTypeElement(first.canonicalName());
                if (firstRecord != null && markedFirst.add(first)) {
                    report.add(firstRecord, AnnotationMirrors.find(firstRecord, FactumAnnotations.EVENT), Message.DUPLICATE_EVENT, args);
                }
            } else {
                EventClaims.Claim claim = EventClaims.onClassPath(classPath, elements, event);
                if (claim != null && !claim.recordClass().equals(event.recordClass().canonicalName())) {
                    report.add(record, annotation, Message.DUPLICATE_EVENT_ON_CLASS_PATH, record.getSimpleName(),
                            event.storedName(), event.version(), claim.recordClass(), claim.moduleClass());
                }
            }
        }
    }

    /**
     * The event record and every record its codec needs, each analysed (errors go to {@code report}, on their
     * components). A record whose codec already exists is trusted and not followed.
     *
     * @throws MissingTypeException if some component type is not resolved yet and nothing was wrong otherwise
     */
    private List<TypeElement> reachableRecords(TypeElement event, ValidationReport.Builder report) {
        Analysis root = analyse(event, report);
        if (root.unresolved() != null) {
            if (report.isClean()) {
                throw new MissingTypeException(positionOf(root.unresolved()), String.valueOf(root.unresolved().asType()));
            }
            return List.of();
        }
        Set<TypeElement> reachable = new LinkedHashSet<>();
        reachable.add(event);
        boolean unresolved = false;
        boolean invalidFound = !root.valid();
        for (RecordComponentElement component : event.getRecordComponents()) {
            Deque<TypeElement> queue = new ArrayDeque<>(
                    root.nestedRecordsByComponent().getOrDefault(component.getSimpleName().toString(), Set.of()));
            TypeElement invalid = null;
            while (!queue.isEmpty()) {
                TypeElement nested = queue.poll();
                if (reachable.contains(nested) || codecExists.test(nested)) {
                    continue;
                }
                Analysis analysis = analyse(nested, report);
                if (analysis.unresolved() != null) {
                    unresolved = true;
                    continue;
                }
                if (!analysis.valid()) {
                    invalid = invalid == null ? nested : invalid;
                    continue;
                }
                reachable.add(nested);
                for (Set<TypeElement> next : analysis.nestedRecordsByComponent().values()) {
                    queue.addAll(next);
                }
            }
            if (invalid != null) {
                invalidFound = true;
                report.add(positionOf(component), Message.NESTED_RECORD_INVALID,
                        component.getSimpleName(), invalid.getQualifiedName(), invalid.getSimpleName());
            }
        }
        if (unresolved && !invalidFound && report.isClean()) {
            // a nested record waits for a type; javac reports it if it never comes
            throw new MissingTypeException(null, event.getQualifiedName().toString());
        }
        return new ArrayList<>(reachable);
    }

    /**
     * Analyses {@code record}'s own components; nested records are returned, not followed. Errors go to
     * {@code report} the first time only. Unresolved results are not cached, so the next round tries again.
     */
    private Analysis analyse(TypeElement record, ValidationReport.Builder report) {
        String key = record.getQualifiedName().toString();
        Analysis cached = analysed.get(key);
        if (cached != null) {
            return cached;
        }
        Analysis analysis = analyseComponents(record, report);
        if (analysis.unresolved() == null) {
            analysed.put(key, analysis);
        }
        return analysis;
    }

    /**
     * Where to report a problem with {@code component}: javac (17) gives record component elements no source
     * position, but the record's private field of the same name is declared by the component in the record header.
     */
    static Element positionOf(RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                return field;
            }
        }
        return component;
    }

    private Analysis analyseComponents(TypeElement record, ValidationReport.Builder report) {
        boolean errors = false;
        RecordComponentElement unresolved = null;
        List<PropertyModel> properties = new ArrayList<>();
        Map<String, Set<TypeElement>> nested = new HashMap<>();
        // Personal data is sealed by an event's codec only; elsewhere it is an error of EventStep.beforeTypes.
        PersonalDataRules personalData = FactumAnnotations.isEventRecord(record) ? PersonalDataRules.of(record) : null;
        for (RecordComponentElement component : record.getRecordComponents()) {
            String name = component.getSimpleName().toString();
            Set<TypeElement> nestedRecords = new LinkedHashSet<>();
            try {
                PropertyType type = ComponentTypes.shapeOf(component.asType(), record, nestedRecords);
                Presence presence = presenceOf(component, type, report);
                if (presence == null) {
                    errors = true;
                } else {
                    PersonalModel personal = personalData == null ? null : personalData.personalOf(component, type, presence);
                    properties.add(new PropertyModel(name, type, presence, personal));
                }
                nested.put(name, nestedRecords);
            } catch (ComponentTypes.Unsupported e) {
                report.add(positionOf(component), Message.UNSUPPORTED_TYPE, name, component.asType(), e.getMessage());
                errors = true;
            } catch (MissingTypeException e) {
                unresolved = unresolved == null ? component : unresolved;
            }
        }
        if (personalData != null && !personalData.isClean()) {
            report.addSubreport(personalData.report());
            errors = true;
        }
        if (errors || unresolved != null) {
            // Errors are final (and reported once); only an otherwise clean record is worth retrying.
            return new Analysis(null, errors ? null : unresolved, Map.of());
        }
        ClassName recordClass = ClassName.get(record);
        return new Analysis(new RecordCodecModel(recordClass, GeneratedNames.codecOf(recordClass), typeLabel(record), properties),
                null, nested);
    }

    /** Events are named by their stored name in errors; nested records by their simple name. */
    private static String typeLabel(TypeElement record) {
        EventModel identity = EventModel.identityOf(record);
        return identity != null ? identity.storedName() : record.getSimpleName().toString();
    }

    /** Null (after reporting) when the component's nullability makes no sense. */
    private static Presence presenceOf(RecordComponentElement component, PropertyType type, ValidationReport.Builder report) {
        if (type instanceof PropertyType.OptionalType) {
            return Presence.OPTIONAL;
        }
        if (isNullable(component)) {
            if (type instanceof PropertyType.Scalar scalar && scalar.primitive()) {
                report.add(positionOf(component), Message.NULLABLE_PRIMITIVE, component.getSimpleName(),
                        component.asType(), scalar.kind().boxed().simpleName());
                return null;
            }
            return Presence.NULLABLE;
        }
        if (type instanceof PropertyType.ListType || type instanceof PropertyType.SetType
                || type instanceof PropertyType.MapType || type instanceof PropertyType.ArrayType
                || type instanceof PropertyType.BinaryType) {
            return Presence.EMPTY_WHEN_ABSENT;
        }
        return Presence.REQUIRED;
    }

    /** Any annotation named {@code Nullable} (JSpecify, JSR-305, Jakarta, JetBrains, ...), on the declaration or the type. */
    static boolean isNullable(RecordComponentElement component) {
        List<AnnotationMirror> annotations = new ArrayList<>(component.getAnnotationMirrors());
        annotations.addAll(component.asType().getAnnotationMirrors());
        if (component.getAccessor() != null) {
            annotations.addAll(component.getAccessor().getAnnotationMirrors());
        }
        for (AnnotationMirror annotation : annotations) {
            if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }

}
