package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.base.GeneratedCode;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <OldRecord>Upcaster}: an {@code io.factum.event.Upcaster} whose {@code upcast} is a direct
 * call to the user's {@code @Upcast} method.
 */
final class UpcasterGenerator {

    static final ClassName UPCASTER = ClassName.get("io.factum.event", "Upcaster");

    private UpcasterGenerator() {}

    /** The upcaster of {@code model}. */
    static JavaFile generate(UpcasterModel model) {
        ClassName self = model.upcasterClass();
        TypeSpec type = GeneratedCode.classBuilder(self)
                .addJavadoc("Upcasts $L v$L ({@link $T}) to v$L ({@link $T}) by calling {@link $T#$L}.\n",
                        model.storedName(), model.fromVersion(), model.fromRecord(),
                        model.toVersion(), model.toRecord(), model.declaringClass(), model.methodName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(UPCASTER, model.fromRecord(), model.toRecord()))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", self)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(GeneratedCode.overridingClassGetter("from", model.fromRecord()))
                .addMethod(GeneratedCode.overridingClassGetter("to", model.toRecord()))
                .addMethod(MethodSpec.methodBuilder("upcast")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(model.toRecord())
                        .addParameter(model.fromRecord(), "event")
                        .addStatement("return $T.$N(event)", model.declaringClass(), model.methodName())
                        .build())
                .build();
        return GeneratedCode.file(self, type);
    }
}
