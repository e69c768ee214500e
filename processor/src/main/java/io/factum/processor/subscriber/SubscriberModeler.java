package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import io.factum.processor.ElementChecks;
import io.factum.processor.EventFamilies;
import io.factum.processor.EventFamily;
import io.factum.processor.Message;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
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
import javax.lang.model.type.TypeKind;
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
    private final Reporter reporter;
    private final EventFamilies families;

    SubscriberModeler(Types types, Elements elements, Reporter reporter) {
        this.types = types;
        this.elements = elements;
        this.reporter = reporter;
        this.families = new EventFamilies(reporter);
    }

    /**
     * @throws io.factum.processor.MissingTypeException if a parameter type is not generated yet
     */
    SubscriberModel model(TypeElement handler, List<ExecutableElement> methods) {
        int errorsBefore = reporter.errorCount();
        ClassName subscribers = Names.subscribersOf(ClassName.get(handler));
        checkHandler(handler, subscribers.simpleName());
        Map<String, Integer> methodsByName = new HashMap<>();
        methods.forEach(m -> methodsByName.merge(m.getSimpleName().toString(), 1, Integer::sum));
        List<Subscription> subscriptions = new ArrayList<>();
        for (ExecutableElement method : methods) {
            String name = subscriberName(handler, method, methodsByName.get(method.getSimpleName().toString()) > 1);
            subscriptions.addAll(subscriptions(method, name, subscribers.simpleName()));
        }
        return reporter.errorCount() == errorsBefore ? new SubscriberModel(ClassName.get(handler), subscriptions) : null;
    }

    private void checkHandler(TypeElement handler, String subscribers) {
        String name = handler.getSimpleName().toString();
        ElementKind kind = handler.getKind();
        boolean concrete = (kind == ElementKind.CLASS && !handler.getModifiers().contains(Modifier.ABSTRACT))
                || kind == ElementKind.ENUM || kind == ElementKind.RECORD;
        if (!concrete) {
            reporter.error(handler, Message.HANDLER_KIND, name, ElementChecks.describeKind(handler), subscribers);
        }
        if (!ElementChecks.isVisibleInPackage(handler)) {
            reporter.error(handler, Message.HANDLER_PRIVATE, name, subscribers);
        }
        if (!handler.getTypeParameters().isEmpty()) {
            reporter.error(handler, Message.HANDLER_GENERIC, name, subscribers);
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

    private List<Subscription> subscriptions(ExecutableElement method, String name, String subscribers) {
        int errorsBefore = reporter.errorCount();
        String described = ElementChecks.describe(method);
        if (method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, Message.SUBSCRIBE_STATIC, described);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(method, Message.SUBSCRIBE_PRIVATE, described, subscribers);
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(method, Message.SUBSCRIBE_RETURN_TYPE, described, method.getReturnType());
        }
        TypeMirror exception = elements.getTypeElement(Exception.class.getCanonicalName()).asType();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, types, elements) && !types.isSubtype(thrown, exception)) {
                reporter.error(method, Message.SUBSCRIBE_THROWS_THROWABLE, described, thrown);
            }
        }
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty() || parameters.size() > 2) {
            reporter.error(method, Message.SUBSCRIBE_ARITY, described, parameters.size(),
                    method.getSimpleName(), method.getSimpleName());
            return List.of();
        }
        VariableElement eventParameter = parameters.get(0);
        EventFamily family = family(eventParameter, described);
        if (family == null) {
            return List.of();
        }
        EnvelopeArgument envelope = parameters.size() == 1
                ? EnvelopeArgument.NONE
                : envelopeArgument(parameters.get(1), eventParameter.asType(), family, described);
        if (envelope == null || reporter.errorCount() != errorsBefore) {
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
    private EventFamily family(VariableElement parameter, String method) {
        TypeMirror type = parameter.asType();
        TypeElement element = EventFamilies.typeElement(type, parameter);
        int errorsBefore = reporter.errorCount();
        EventFamily family = element == null || !((DeclaredType) type).getTypeArguments().isEmpty()
                ? null
                : families.resolve(element, parameter);
        if (family != null && family.isClosed()) {
            return family;
        }
        if (reporter.errorCount() == errorsBefore) {
            reporter.error(parameter, Message.SUBSCRIBE_NOT_EVENT, method, type, hint(element));
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
    private EnvelopeArgument envelopeArgument(VariableElement parameter, TypeMirror eventType, EventFamily family, String method) {
        TypeMirror declared = parameter.asType();
        TypeElement element = EventFamilies.typeElement(declared, parameter);
        TypeElement envelope = elements.getTypeElement(Names.EVENT_ENVELOPE_NAME);
        if (element != null && envelope != null && element.equals(envelope)
                && ((DeclaredType) declared).getTypeArguments().size() == 1) {
            if (everyMemberEnvelopeFits(envelope, family, declared)) {
                return EnvelopeArgument.AS_IS;
            }
            if (types.isSameType(((DeclaredType) declared).getTypeArguments().get(0), eventType)) {
                return EnvelopeArgument.WIDENED;
            }
        }
        reporter.error(parameter, Message.SUBSCRIBE_ENVELOPE, method, declared, ElementChecks.simpleName(eventType));
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
