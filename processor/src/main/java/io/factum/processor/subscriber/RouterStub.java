package io.factum.processor.subscriber;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A stand-in {@code <Interface>Router} for an {@code @EventRouter} with errors, so that code creating and
 * using the router still compiles and the user sees Factum's error, not "cannot find symbol": it implements
 * the interface (when it can), takes any handlers, and throws.
 */
final class RouterStub {

    private RouterStub() {}

    static JavaFile of(TypeElement routerInterface, Types types, Elements elements) {
        ClassName router = GeneratedNames.routerOf(ClassName.get(routerInterface));
        String failure = router.simpleName() + " is a stand-in: " + routerInterface.getSimpleName()
                + " has errors that Factum reported when it was compiled";
        TypeSpec.Builder type = GeneratedCode.classBuilder(router)
                .addJavadoc("A stand-in: the router interface has compile errors. Every method throws.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(Object[].class, "handlers")
                        .varargs()
                        .addStatement("throw new $T($S)", IllegalStateException.class, failure)
                        .build());
        if (routerInterface.getKind() == ElementKind.INTERFACE && routerInterface.getTypeParameters().isEmpty()
                && Accessibility.isVisibleInPackage(routerInterface)) {
            type.addSuperinterface(TypeName.get(routerInterface.asType()));
            DeclaredType declared = (DeclaredType) routerInterface.asType();
            for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(routerInterface))) {
                if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                    type.addMethod(MethodSpec.overriding(method, declared, types)
                            .addStatement("throw new $T($S)", IllegalStateException.class, failure)
                            .build());
                }
            }
        }
        return GeneratedCode.file(router, type.build());
    }
}
