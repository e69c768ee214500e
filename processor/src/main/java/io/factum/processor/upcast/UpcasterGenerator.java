package io.factum.processor.upcast;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.Names;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <OldRecord>Upcaster}: an {@code io.factum.event.Upcaster} whose {@code upcast} is a direct
 * call to the user's {@code @Upcast} method.
 */
final class UpcasterGenerator {

    static final ClassName UPCASTER = ClassName.get("io.factum.event", "Upcaster");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private UpcasterGenerator() {}

    /** The upcaster of {@code model}; {@code origin} (the class declaring the method) is recorded for incremental builds only. */
    static JavaFile generate(UpcasterModel model, Element origin) {
        ClassName self = model.upcasterClass();
        TypeSpec type = TypeSpec.classBuilder(self)
                .addJavadoc("Upcasts $L v$L ({@link $T}) to v$L ({@link $T}) by calling {@link $T#$L}.\n",
                        model.storedName(), model.fromVersion(), model.fromRecord(),
                        model.toVersion(), model.toRecord(), model.declaringClass(), model.methodName())
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", Names.PROCESSOR).build())
                .addAnnotation(Names.FACTUM_GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(origin)
                .addSuperinterface(ParameterizedTypeName.get(UPCASTER, model.fromRecord(), model.toRecord()))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", self)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(classGetter("from", model.fromRecord()))
                .addMethod(classGetter("to", model.toRecord()))
                .addMethod(MethodSpec.methodBuilder("upcast")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(model.toRecord())
                        .addParameter(model.fromRecord(), "event")
                        .addStatement("return $T.$N(event)", model.declaringClass(), model.methodName())
                        .build())
                .build();
        return JavaFile.builder(self.packageName(), type).skipJavaLangImports(true).indent("    ").build();
    }

    private static MethodSpec classGetter(String name, ClassName record) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), record))
                .addStatement("return $T.class", record)
                .build();
    }
}
