package io.factum.processor.event;

import static io.factum.processor.event.EventModeler.positionOf;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.Message;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.PersonalModel.SubjectKind;
import io.factum.processor.event.PropertyModel.Presence;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The personal-data rules of one {@code @Event} record: its {@code @DataSubject} (one, of a supported type, not
 * itself personal) and, per {@code @PersonalData} component, a declared replacement. Errors go to a report of
 * its own ({@link #report()}), which the modeler adds as a subreport; {@code @PersonalData} outside event
 * records is checked by {@link #reportOutsideEvents}.
 */
final class PersonalDataRules {

    private final TypeElement record;
    private final ValidationReport.Builder report;
    private RecordComponentElement subject;
    private SubjectKind subjectKind;
    private boolean noSubjectReported;

    private PersonalDataRules(TypeElement record) {
        this.record = record;
        this.report = ValidationReport.about(record);
    }

    /** The rules of event {@code record}, its subject checked. */
    static PersonalDataRules of(TypeElement record) {
        PersonalDataRules rules = new PersonalDataRules(record);
        rules.findSubject();
        return rules;
    }

    ValidationReport report() {
        return report.build();
    }

    private void findSubject() {
        for (RecordComponentElement component : record.getRecordComponents()) {
            if (!AnnotationMirrors.has(component, FactumAnnotations.DATA_SUBJECT)) {
                continue;
            }
            Element position = positionOf(component);
            if (subject != null) {
                report.add(position, Message.DATA_SUBJECT_TWICE, record.getSimpleName(), component.getSimpleName(),
                        subject.getSimpleName());
                continue;
            }
            subject = component;
            subjectKind = kindOf(component);
            if (subjectKind == null) {
                report.add(position, Message.DATA_SUBJECT_TYPE, component.getSimpleName(), component.asType());
            }
            if (AnnotationMirrors.has(component, FactumAnnotations.PERSONAL_DATA)) {
                report.add(position, Message.PERSONAL_DATA_ON_SUBJECT, component.getSimpleName());
            }
        }
    }

    private static SubjectKind kindOf(RecordComponentElement component) {
        if (EventModeler.isNullable(component)) {
            return null;
        }
        TypeMirror type = component.asType();
        if (type.getKind() == TypeKind.LONG || type.getKind() == TypeKind.INT) {
            return SubjectKind.NUMBER;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return switch (name) {
            case "java.lang.String" -> SubjectKind.STRING;
            case "java.util.UUID" -> SubjectKind.UUID;
            case "java.lang.Long", "java.lang.Integer" -> SubjectKind.NUMBER;
            default -> null;
        };
    }

    /**
     * The personal model of {@code component}, or null if it is not {@code @PersonalData} or has an error (then
     * in {@link #report()}).
     */
    PersonalModel personalOf(RecordComponentElement component, PropertyType type, Presence presence) {
        AnnotationMirror annotation = AnnotationMirrors.find(component, FactumAnnotations.PERSONAL_DATA);
        if (annotation == null || component.equals(subject)) {
            return null;  // the subject's own @PersonalData was reported with the subject
        }
        Element position = positionOf(component);
        boolean valid = true;
        if (subject == null) {
            if (!noSubjectReported) {
                report.add(position, Message.PERSONAL_DATA_NO_SUBJECT, component.getSimpleName(), record.getSimpleName());
                noSubjectReported = true;  // one missing subject, one error
            }
            valid = false;
        }
        AnnotationValue forgotten = AnnotationMirrors.writtenValue(annotation, "forgotten");
        String forgottenText = forgotten == null ? null : (String) forgotten.getValue();
        if (forgottenText != null) {
            if (!(type instanceof PropertyType.Scalar scalar && scalar.kind() == ScalarKind.STRING)) {
                report.add(position, Message.PERSONAL_DATA_FORGOTTEN_TYPE, component.getSimpleName(), component.asType());
                valid = false;
            }
        } else if (presence == Presence.REQUIRED) {
            report.add(position, Message.PERSONAL_DATA_NO_REPLACEMENT, component.getSimpleName(), component.asType(),
                    type.typeName().box());
            valid = false;
        }
        return valid && subjectKind != null
                ? new PersonalModel(subject.getSimpleName().toString(), subjectKind, forgottenText)
                : null;
    }

    /** Whether everything checked so far is valid. */
    boolean isClean() {
        return report.isClean();
    }

    /**
     * {@code @PersonalData} and {@code @DataSubject} on a component of a record that is not an {@code @Event}
     * would silently do nothing: an error on each, printed at once (such records may belong to no event).
     */
    static void reportOutsideEvents(Iterable<? extends Element> annotated, String annotation,
                                    Reporter reporter) {
        for (Element element : annotated) {
            if (element instanceof RecordComponentElement component
                    && !FactumAnnotations.isEventRecord(component.getEnclosingElement())) {
                reporter.print(positionOf(component), Message.PERSONAL_DATA_OUTSIDE_EVENT,
                        annotation.substring(annotation.lastIndexOf('.') + 1), component.getSimpleName(),
                        component.getEnclosingElement().getSimpleName());
            }
        }
    }
}
