package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.FailedTypes;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The two steps of this package, each "model, then generate": handler classes (the classes declaring
 * {@code @Subscribe} methods) into {@code <Handler>Subscribers}, and {@code @EventRouter} interfaces into
 * {@code <Interface>Router}, whose handlers are modelled by the same {@link SubscriberModeler}.
 */
public final class SubscriberSteps {

    private SubscriberSteps() {}

    public static TypeStep<SubscriberModel> subscribers(ProcessingEnvironment env, Reporter reporter, FailedTypes failed) {
        SubscriberModeler modeler = new SubscriberModeler(env.getTypeUtils(), env.getElementUtils(), failed);
        return new TypeStep<SubscriberModel>(env, reporter, FactumAnnotations.SUBSCRIBE,
                (handler, report) -> modeler.model(handler, subscribeMethods(handler), report),
                TypeStep.oneFile(env, SubscribersGenerator::generate, model -> { })).recordingFailuresIn(failed)
                .stubbing(handler -> GeneratedCode.write(env.getFiler(), SubscribersGenerator.stub(
                        GeneratedNames.subscribersOf(ClassName.get(handler)), nameable(handler)), handler));
    }

    public static TypeStep<RouterModel> routers(ProcessingEnvironment env, Reporter reporter, FailedTypes failed) {
        RouterModeler modeler = new RouterModeler(env.getTypeUtils(), env.getElementUtils(), failed);
        return new TypeStep<RouterModel>(env, reporter, FactumAnnotations.EVENT_ROUTER,
                (router, report) -> modeler.model(router, AnnotationMirrors.find(router, FactumAnnotations.EVENT_ROUTER), report),
                TypeStep.oneFile(env, RouterGenerator::generate, model -> { })).recordingFailuresIn(failed)
                .stubbing(router -> GeneratedCode.write(env.getFiler(),
                        RouterStub.of(router, env.getTypeUtils(), env.getElementUtils()), router));
    }

    /** The handler's type for a stand-in's {@code register}, or {@code Object} if the stand-in cannot name it. */
    private static TypeName nameable(TypeElement handler) {
        return Accessibility.isVisibleInPackage(handler) && handler.getTypeParameters().isEmpty()
                ? ClassName.get(handler) : ClassName.OBJECT;
    }

    /** The handler's {@code @Subscribe} methods, in declaration order (the order of registration). */
    static List<ExecutableElement> subscribeMethods(TypeElement handler) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(handler.getEnclosedElements())) {
            if (AnnotationMirrors.has(method, FactumAnnotations.SUBSCRIBE)) {
                methods.add(method);
            }
        }
        return methods;
    }
}
