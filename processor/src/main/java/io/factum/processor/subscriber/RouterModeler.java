package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import io.factum.processor.ElementChecks;
import io.factum.processor.EventFamilies;
import io.factum.processor.Message;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
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
import javax.lang.model.element.PackageElement;
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
    private final Reporter reporter;
    private final SubscriberModeler handlers;

    RouterModeler(Types types, Elements elements, Reporter reporter, Reporter handlerReporter) {
        this.types = types;
        this.elements = elements;
        this.reporter = reporter;
        this.handlers = new SubscriberModeler(types, elements, handlerReporter);
    }

    /**
     * @throws io.factum.processor.MissingTypeException if a listed class or a type its methods use is not generated yet
     */
    RouterModel model(TypeElement routerInterface, AnnotationMirror annotation) {
        int errorsBefore = reporter.errorCount();
        ClassName router = Names.routerOf(ClassName.get(routerInterface));
        String name = routerInterface.getSimpleName().toString();
        if (routerInterface.getKind() != ElementKind.INTERFACE) {
            reporter.error(routerInterface, annotation, Message.ROUTER_KIND, name, ElementChecks.describeKind(routerInterface),
                    name, router.simpleName());
            return null;
        }
        if (!ElementChecks.isVisibleInPackage(routerInterface)) {
            reporter.error(routerInterface, annotation, Message.ROUTER_PRIVATE, name, router.simpleName());
        }
        if (!routerInterface.getTypeParameters().isEmpty()) {
            reporter.error(routerInterface, annotation, Message.ROUTER_GENERIC, name, router.simpleName());
        }
        checkMethods(routerInterface, router);
        List<RouterModel.Handler> listed = handlers(routerInterface, annotation, router);
        if (reporter.errorCount() != errorsBefore) {
            return null;
        }
        TypeElement publisher = elements.getTypeElement(Names.EVENT_PUBLISHER.canonicalName());
        boolean extendsPublisher = publisher != null && types.isSubtype(routerInterface.asType(), publisher.asType());
        return new RouterModel(ClassName.get(routerInterface), router, extendsPublisher, listed);
    }

    /** Every abstract method must be EventPublisher's {@code publish(EventEnvelope<?>)}, the one the router implements. */
    private void checkMethods(TypeElement routerInterface, ClassName router) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(routerInterface))) {
            if (method.getModifiers().contains(Modifier.ABSTRACT) && !isPublish(method)) {
                Element reportOn = method.getEnclosingElement().equals(routerInterface) ? method : routerInterface;
                reporter.error(reportOn, Message.ROUTER_METHOD, routerInterface.getSimpleName(),
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
                && ((TypeElement) types.asElement(parameter)).getQualifiedName().contentEquals(Names.EVENT_ENVELOPE_NAME);
    }

    private List<RouterModel.Handler> handlers(TypeElement routerInterface, AnnotationMirror annotation, ClassName router) {
        String name = routerInterface.getSimpleName().toString();
        List<AnnotationValue> values = listedValues(annotation);
        if (values.isEmpty()) {
            AnnotationValue written = Names.writtenValue(annotation, "handlers");
            if (written == null) {
                reporter.error(routerInterface, annotation, Message.ROUTER_NO_HANDLERS, name, router.simpleName());
            } else {
                reporter.error(routerInterface, annotation, written, Message.ROUTER_NO_HANDLERS, name, router.simpleName());
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
                reporter.error(routerInterface, annotation, value, Message.ROUTER_DUPLICATE_HANDLER, name, handlerName);
                continue;
            }
            List<ExecutableElement> methods = SubscriberStep.subscribeMethods(handler);
            if (methods.isEmpty()) {
                reporter.error(routerInterface, annotation, value, Message.ROUTER_NOT_HANDLER, name, handlerName,
                        handler.getSimpleName());
                continue;
            }
            SubscriberModel model = handlers.model(handler, methods);
            if (model == null) {
                reporter.error(routerInterface, annotation, value, Message.ROUTER_INVALID_HANDLER, name, handlerName,
                        handler.getSimpleName(), router.simpleName());
                continue;
            }
            String inaccessible = inaccessible(handler, methods, model, router.packageName());
            if (inaccessible != null) {
                reporter.error(routerInterface, annotation, value, Message.ROUTER_INACCESSIBLE, name, handlerName,
                        inaccessible, router.packageName(), router.simpleName(), packageOf(handler));
                continue;
            }
            listed.add(new RouterModel.Handler(fieldName(handler, fields), model));
        }
        return listed;
    }

    @SuppressWarnings("unchecked") // the value of a Class<?>[] member is a list of annotation values
    private static List<AnnotationValue> listedValues(AnnotationMirror annotation) {
        Object value = Names.value(annotation, "handlers");
        return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of();
    }

    /** What of the handler the router (in {@code routerPackage}) could not name or call, or null if nothing. */
    private String inaccessible(TypeElement handler, List<ExecutableElement> methods, SubscriberModel model, String routerPackage) {
        if (!isAccessible(handler, routerPackage)) {
            return "class " + handler.getQualifiedName();
        }
        for (ExecutableElement method : methods) {
            boolean samePackage = packageOf(handler).equals(routerPackage);
            if (!samePackage && !method.getModifiers().contains(Modifier.PUBLIC)) {
                return "its @Subscribe method " + ElementChecks.describe(method);
            }
        }
        for (Subscription subscription : model.subscriptions()) {
            for (ClassName type : List.of(subscription.event(), subscription.family())) {
                TypeElement element = elements.getTypeElement(type.canonicalName());
                if (element != null && !isAccessible(element, routerPackage)) {
                    return "event type " + element.getQualifiedName();
                }
            }
        }
        return null;
    }

    /** Whether code in {@code fromPackage} can name {@code type}. */
    private boolean isAccessible(TypeElement type, String fromPackage) {
        if (packageOf(type).equals(fromPackage)) {
            return ElementChecks.isVisibleInPackage(type);
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private String packageOf(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        return pkg.getQualifiedName().toString();
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
