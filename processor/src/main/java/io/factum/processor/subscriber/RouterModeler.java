package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.Message;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventFamilies;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates an {@code @EventRouter} interface and its handler list and builds the {@link RouterModel}; null
 * (after reporting) if anything is wrong. The handlers are modelled by the {@link SubscriberModeler}, so a
 * router delivers exactly what {@code <Handler>Subscribers} registers; their own errors are reported where
 * the handler is compiled, so here they are modelled silently and the router only says that they exist.
 */
final class RouterModeler {

    /** Names the generated code uses besides the handler fields. */
    private static final Set<String> RESERVED = Set.of("onUnhandled", "envelope", "event", "payload");

    private final Types types;
    private final Elements elements;
    private final SubscriberModeler handlers;

    RouterModeler(Types types, Elements elements, FailedTypes failed) {
        this.types = types;
        this.elements = elements;
        this.handlers = new SubscriberModeler(types, elements, failed);
    }

    /**
     * The model of {@code routerInterface}, or null when {@code report} has errors.
     *
     * @throws io.factum.processor.MissingTypeException if a listed class or a type its methods use is not generated yet
     */
    RouterModel model(TypeElement routerInterface, AnnotationMirror annotation, ValidationReport.Builder report) {
        ClassName router = GeneratedNames.routerOf(ClassName.get(routerInterface));
        String name = routerInterface.getSimpleName().toString();
        if (routerInterface.getKind() != ElementKind.INTERFACE) {
            report.add(routerInterface, annotation, Message.ROUTER_KIND, name, ElementChecks.describeKind(routerInterface),
                    router.simpleName());
            return null;
        }
        if (!Accessibility.isVisibleInPackage(routerInterface)) {
            report.add(routerInterface, annotation, Message.ROUTER_PRIVATE, name, router.simpleName());
        }
        if (!routerInterface.getTypeParameters().isEmpty()) {
            report.add(routerInterface, annotation, Message.ROUTER_GENERIC, name, router.simpleName());
        }
        checkMethods(routerInterface, router, report);
        List<RouterModel.Handler> listed = handlers(routerInterface, annotation, router, report);
        if (!report.isClean()) {
            return null;
        }
        TypeElement publisher = elements.getTypeElement(RuntimeTypes.EVENT_PUBLISHER.canonicalName());
        boolean extendsPublisher = publisher != null && types.isSubtype(routerInterface.asType(), publisher.asType());
        return new RouterModel(ClassName.get(routerInterface), router, extendsPublisher, listed);
    }

    /** Every abstract method must be EventPublisher's {@code publish(EventEnvelope<?>)}, the one the router implements. */
    private void checkMethods(TypeElement routerInterface, ClassName router, ValidationReport.Builder report) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(routerInterface))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT) && !isPublish(method)) {
                Element reportOn = method.getEnclosingElement().equals(routerInterface) ? method : routerInterface;
                report.add(reportOn, Message.ROUTER_METHOD, routerInterface.getSimpleName(),
                        ElementChecks.describe(method), router.simpleName());
            }
        }
    }

    private boolean isPublish(ExecutableElement method) {
        if (!method.getSimpleName().contentEquals("publish") || method.getParameters().size() != 1
                || method.getReturnType().getKind() != TypeKind.VOID) {
            return false;
        }
        TypeMirror parameter = types.erasure(method.getParameters().get(0).asType());
        return parameter.getKind() == TypeKind.DECLARED
                && ((TypeElement) types.asElement(parameter)).getQualifiedName().contentEquals(RuntimeTypes.EVENT_ENVELOPE_NAME);
    }

    private List<RouterModel.Handler> handlers(TypeElement routerInterface, AnnotationMirror annotation, ClassName router,
                                               ValidationReport.Builder report) {
        String name = routerInterface.getSimpleName().toString();
        List<? extends AnnotationValue> values = AnnotationMirrors.listValue(annotation, "handlers");
        if (values.isEmpty()) {
            AnnotationValue written = AnnotationMirrors.writtenValue(annotation, "handlers");
            if (written == null) {
                report.add(routerInterface, annotation, Message.ROUTER_NO_HANDLERS, name, router.simpleName());
            } else {
                report.add(routerInterface, annotation, written, Message.ROUTER_NO_HANDLERS, name, router.simpleName());
            }
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        Set<String> fields = new HashSet<>(RESERVED);
        List<RouterModel.Handler> listed = new ArrayList<>();
        for (AnnotationValue value : values) {
            if (!(value.getValue() instanceof TypeMirror type)) {
                return List.of(); // javac reports the unresolvable class literal itself
            }
            TypeElement handler = EventFamilies.typeElement(type, routerInterface);
            if (handler == null) {
                continue; // e.g. int.class: it has no @Subscribe methods either
            }
            String handlerName = handler.getQualifiedName().toString();
            if (!seen.add(handlerName)) {
                report.add(routerInterface, annotation, value, Message.ROUTER_DUPLICATE_HANDLER, name, handlerName);
                continue;
            }
            List<ExecutableElement> methods = SubscriberSteps.subscribeMethods(handler);
            if (methods.isEmpty()) {
                report.add(routerInterface, annotation, value, Message.ROUTER_NOT_HANDLER, name, handlerName,
                        handler.getSimpleName());
                continue;
            }
            // The handler's own errors are reported where it is compiled; here only whether it has any counts.
            SubscriberModel model = handlers.model(handler, methods, ValidationReport.about(handler));
            if (model == null) {
                report.add(routerInterface, annotation, value, Message.ROUTER_INVALID_HANDLER, name, handlerName,
                        handler.getSimpleName(), router.simpleName());
                continue;
            }
            String inaccessible = inaccessible(handler, methods, model, router.packageName());
            if (inaccessible != null) {
                report.add(routerInterface, annotation, value, Message.ROUTER_INACCESSIBLE, name, handlerName,
                        inaccessible, router.packageName(), router.simpleName(), Accessibility.packageOf(handler));
                continue;
            }
            listed.add(new RouterModel.Handler(fieldName(handler, fields), model));
        }
        return listed;
    }

    /** What of the handler the router (in {@code routerPackage}) could not name or call, or null if nothing. */
    private String inaccessible(TypeElement handler, List<ExecutableElement> methods, SubscriberModel model, String routerPackage) {
        if (!Accessibility.isAccessible(handler, routerPackage)) {
            return "class " + handler.getQualifiedName();
        }
        for (ExecutableElement method : methods) {
            boolean samePackage = Accessibility.packageOf(handler).equals(routerPackage);
            if (!samePackage && !method.getModifiers().contains(Modifier.PUBLIC)) {
                return "its @Subscribe method " + ElementChecks.describe(method);
            }
        }
        for (Subscription subscription : model.subscriptions()) {
            for (ClassName type : List.of(subscription.event(), subscription.family())) {
                TypeElement element = elements.getTypeElement(type.canonicalName());
                if (element != null && !Accessibility.isAccessible(element, routerPackage)) {
                    return "event type " + element.getQualifiedName();
                }
            }
        }
        return null;
    }

    /** {@code Shipping} → {@code shipping}; a second {@code Shipping} (another package) → {@code shipping2}. */
    private static String fieldName(TypeElement handler, Set<String> taken) {
        String simple = String.join("", ClassName.get(handler).simpleNames());
        String base = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        if (SourceVersion.isKeyword(base)) {
            base = base + "Handler";
        }
        String field = base;
        for (int n = 2; !taken.add(field); n++) {
            field = base + n;
        }
        return field;
    }
}
