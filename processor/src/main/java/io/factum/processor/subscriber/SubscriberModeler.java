package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.HandlerMethods;
import io.factum.processor.base.Message;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventFamilies;
import io.factum.processor.event.EventFamily;
import io.factum.processor.event.EventModel;
import io.factum.processor.subscriber.SubscriberModel.EnvelopeArgument;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates a handler class and its {@code @Subscribe} methods and builds the
 * {@link SubscriberModel}; null (after reporting) if anything is wrong.
 */
final class SubscriberModeler {

    private final Types types;
    private final Elements elements;
    private final FailedTypes failed;

    SubscriberModeler(Types types, Elements elements, FailedTypes failed) {
        this.types = types;
        this.elements = elements;
        this.failed = failed;
    }

    /**
     * The model of {@code handler}, or null when {@code report} has errors.
     *
     * @throws io.factum.processor.MissingTypeException if a parameter type is not generated yet
     */
    SubscriberModel model(TypeElement handler, List<ExecutableElement> methods, ValidationReport.Builder report) {
        ClassName subscribers = GeneratedNames.subscribersOf(ClassName.get(handler));
        checkHandler(handler, subscribers.simpleName(), report);
        Map<String, Integer> methodsByName = new HashMap<>();
        methods.forEach(m -> methodsByName.merge(m.getSimpleName().toString(), 1, Integer::sum));
        List<Subscription> subscriptions = new ArrayList<>();
        for (ExecutableElement method : methods) {
            String name = subscriberName(handler, method, methodsByName.get(method.getSimpleName().toString()) > 1);
            ValidationReport.Builder methodReport = ValidationReport.about(method);
            subscriptions.addAll(subscriptions(method, name, subscribers.simpleName(), methodReport));
            report.addSubreport(methodReport.build());
        }
        return report.isClean() ? new SubscriberModel(ClassName.get(handler), subscriptions) : null;
    }

    private static void checkHandler(TypeElement handler, String subscribers, ValidationReport.Builder report) {
        String name = handler.getSimpleName().toString();
        ElementKind kind = handler.getKind();
        boolean concrete = (kind == ElementKind.CLASS && !handler.getModifiers().contains(Modifier.ABSTRACT))
                || kind == ElementKind.ENUM || kind == ElementKind.RECORD;
        if (!concrete) {
            report.add(handler, Message.HANDLER_KIND, name, ElementChecks.describeKind(handler), subscribers);
        }
        if (!Accessibility.isVisibleInPackage(handler)) {
            report.add(handler, Message.HANDLER_PRIVATE, name, subscribers);
        }
        if (!handler.getTypeParameters().isEmpty()) {
            report.add(handler, Message.HANDLER_GENERIC, name, subscribers);
        }
    }

    /**
     * {@code Notifications.onOrderPaid}; overloaded methods add the event type,
     * {@code Notifications.on(OrderPaid)}, so every subscriber keeps a distinct, stable name.
     */
    private static String subscriberName(TypeElement handler, ExecutableElement method, boolean overloaded) {
        String name = String.join(".", ClassName.get(handler).simpleNames()) + "." + method.getSimpleName();
        if (overloaded && !method.getParameters().isEmpty()) {
            name += "(" + ElementChecks.simpleName(method.getParameters().get(0).asType()) + ")";
        }
        return name;
    }

    /** The subscriptions of one method, checked into {@code report}; none if it has errors. */
    private List<Subscription> subscriptions(ExecutableElement method, String name, String subscribers,
                                             ValidationReport.Builder report) {
        String described = ElementChecks.describe(method);
        HandlerMethods.check(method, HandlerMethods.SUBSCRIBE, subscribers, report);
        TypeMirror exception = elements.getTypeElement(Exception.class.getCanonicalName()).asType();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, types, elements) && !types.isSubtype(thrown, exception)) {
                report.add(method, Message.SUBSCRIBE_THROWS_THROWABLE, described, thrown);
            }
        }
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty() || parameters.size() > 2) {
            report.add(method, Message.SUBSCRIBE_ARITY, described, parameters.size(), method.getSimpleName());
            return List.of();
        }
        VariableElement eventParameter = parameters.get(0);
        EventFamily family = family(eventParameter, described, report);
        if (family == null) {
            return List.of();
        }
        EnvelopeArgument envelope = parameters.size() == 1
                ? EnvelopeArgument.NONE
                : envelopeArgument(parameters.get(1), eventParameter.asType(), family, described, report);
        if (envelope == null || !report.isClean()) {
            return List.of();
        }
        boolean throwsChecked = method.getThrownTypes().stream()
                .anyMatch(thrown -> ElementChecks.isChecked(thrown, types, elements));
        List<Subscription> subscriptions = new ArrayList<>();
        for (EventModel member : family.members()) {
            subscriptions.add(new Subscription(name, method.getSimpleName().toString(), member.recordClass(), envelope,
                    family.type(), throwsChecked));
        }
        return subscriptions;
    }

    /** The records the first parameter accepts: one {@code @Event} record, or a sealed family of them. */
    private EventFamily family(VariableElement parameter, String method, ValidationReport.Builder report) {
        TypeMirror type = parameter.asType();
        TypeElement element = EventFamilies.typeElement(type, parameter);
        if (element != null && failed.contains(element)) {
            return null; // the event's own error is enough: this method is left out, the handler goes on
        }
        ValidationReport.Builder members = ValidationReport.about(parameter);
        EventFamily family = element == null || !((DeclaredType) type).getTypeArguments().isEmpty()
                ? null
                : EventFamilies.resolve(element, parameter, members, failed);
        report.addSubreport(members.build());
        if (family != null && family.isClosed()) {
            return family;
        }
        if (members.isClean()) {
            report.add(parameter, Message.SUBSCRIBE_NOT_EVENT, method, type, hint(element));
        }
        return null;
    }

    private static String hint(TypeElement type) {
        if (type == null) {
            return "";
        }
        if (type.getKind() == ElementKind.INTERFACE) {
            return "; " + type.getSimpleName() + " is not sealed, so its members are unknown at compile time: "
                    + "declare it `sealed interface " + type.getSimpleName() + " permits ...`";
        }
        if (type.getKind() == ElementKind.RECORD) {
            return "; if " + type.getSimpleName() + " is an event, annotate it with @Event";
        }
        return "";
    }

    /** How the envelope is passed, or null after reporting that the second parameter is not a fitting envelope. */
    private EnvelopeArgument envelopeArgument(VariableElement parameter, TypeMirror eventType, EventFamily family, String method,
                                              ValidationReport.Builder report) {
        TypeMirror declared = parameter.asType();
        TypeElement element = EventFamilies.typeElement(declared, parameter);
        TypeElement envelope = elements.getTypeElement(RuntimeTypes.EVENT_ENVELOPE_NAME);
        if (element != null && envelope != null && element.equals(envelope)
                && ((DeclaredType) declared).getTypeArguments().size() == 1) {
            if (everyMemberEnvelopeFits(envelope, family, declared)) {
                return EnvelopeArgument.AS_IS;
            }
            if (types.isSameType(((DeclaredType) declared).getTypeArguments().get(0), eventType)) {
                return EnvelopeArgument.WIDENED;
            }
        }
        report.add(parameter, Message.SUBSCRIBE_ENVELOPE, method, declared, ElementChecks.simpleName(eventType));
        return null;
    }

    private boolean everyMemberEnvelopeFits(TypeElement envelope, EventFamily family, TypeMirror declared) {
        for (EventModel member : family.members()) {
            TypeElement record = elements.getTypeElement(member.recordClass().canonicalName());
            if (record == null || !types.isAssignable(types.getDeclaredType(envelope, record.asType()), declared)) {
                return false;
            }
        }
        return true;
    }
}
