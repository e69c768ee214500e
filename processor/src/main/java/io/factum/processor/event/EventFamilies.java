package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Resolves the event family a type declares: a sealed interface (its permitted {@code @Event}
 * records, recursively through nested sealed interfaces), a single {@code @Event} record, or an
 * open interface. Shared by aggregates and subscribers so both read families the same way.
 */
public final class EventFamilies {

    private EventFamilies() {}

    /** The type element of a declared type; throws {@link MissingTypeException} for an unresolved one. */
    public static TypeElement typeElement(TypeMirror type, Element user) {
        if (type.getKind() == TypeKind.ERROR) {
            throw new MissingTypeException(user, type.toString());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) type).asElement();
    }

    /**
     * The family declared by {@code type}, or null if {@code type} is not a record or interface
     * (the caller reports that in its own words). Members of a sealed family that are not
     * {@code @Event} records are reported on {@code reportOn} into {@code report}; then the result is null too.
     * Members that failed their own validation are left out without a word (one mistake, one error), and a
     * type that failed itself blocks the caller silently.
     *
     * @throws MissingTypeException if a permitted subclass is not resolved yet
     */
    public static EventFamily resolve(TypeElement type, Element reportOn, ValidationReport.Builder report,
                                      FailedTypes failed) {
        ClassName name = ClassName.get(type);
        if (failed.contains(type)) {
            report.blockedBy(type); // its own error says what is wrong with it
            return null;
        }
        if (type.getKind() == ElementKind.RECORD) {
            EventModel event = EventModel.identityOf(type);
            return event == null ? null : new EventFamily(name, EventFamily.Kind.SINGLE_RECORD, List.of(event));
        }
        if (type.getKind() != ElementKind.INTERFACE) {
            return null;
        }
        if (!type.getModifiers().contains(Modifier.SEALED)) {
            return new EventFamily(name, EventFamily.Kind.OPEN, List.of());
        }
        Map<ClassName, EventModel> members = new LinkedHashMap<>();
        List<String> strangers = new ArrayList<>();
        collect(type, reportOn, members, strangers, report, failed);
        if (!strangers.isEmpty()) {
            if (failed.firstFailureOf(type)) {
                report.add(reportOn, Message.FAMILY_MEMBER_NOT_EVENT, name.simpleName(), String.join(", ", strangers),
                        strangers.size() == 1 ? "is" : "are");
            } else {
                report.blockedBy(type); // reported where the family was first used
            }
            return null;
        }
        return new EventFamily(name, EventFamily.Kind.SEALED, new ArrayList<>(members.values()));
    }

    private static void collect(TypeElement sealed, Element reportOn, Map<ClassName, EventModel> members, List<String> strangers,
                                ValidationReport.Builder report, FailedTypes failed) {
        for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
            TypeElement member = typeElement(permitted, reportOn);
            if (failed.contains(member)) {
                continue; // left out: its own error says what is wrong with it, and dependants still compile
            }
            if (FactumAnnotations.isEventRecord(member)) {
                EventModel event = EventModel.identityOf(member);
                members.putIfAbsent(event.recordClass(), event);
            } else if (member.getKind() == ElementKind.INTERFACE && member.getModifiers().contains(Modifier.SEALED)) {
                collect(member, reportOn, members, strangers, report, failed);
            } else {
                strangers.add(member.getQualifiedName().toString());
            }
        }
    }
}
