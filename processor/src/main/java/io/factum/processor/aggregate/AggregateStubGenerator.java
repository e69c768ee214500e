package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.RuntimeTypes;
import javax.lang.model.element.Modifier;

/**
 * Writes a stand-in {@code <Name>AggregateType} for an aggregate with errors, so that code using the generated
 * type still compiles and the user sees Factum's error, not javac's "cannot find symbol" wherever it is used.
 * Every method throws: the build fails anyway, and nothing may run with a half-valid aggregate.
 */
final class AggregateStubGenerator {

    private AggregateStubGenerator() {}

    /**
     * @param aggregate the aggregate class, if the stub can name it and its event family; else null, and the
     *                  stub is a plain class with {@code INSTANCE}
     * @param family    the event family, when {@code aggregate} is given
     */
    static JavaFile generate(ClassName typeClass, ClassName aggregate, ClassName family) {
        String failure = (aggregate == null ? typeClass.simpleName() : aggregate.simpleName())
                + " has errors that Factum reported when it was compiled; this " + typeClass.simpleName()
                + " is a stand-in so that the code using it compiles";
        TypeSpec.Builder type = GeneratedCode.classBuilder(typeClass)
                .addJavadoc("A stand-in: the aggregate has compile errors. Every method throws.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(typeClass, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", typeClass)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (aggregate != null) {
            type.addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_TYPE, aggregate, family))
                    .addMethod(throwing("name", ClassName.get(String.class), failure))
                    .addMethod(throwing("aggregateClass", ParameterizedTypeName.get(ClassName.get(Class.class), aggregate), failure))
                    .addMethod(throwing("eventFamily", ParameterizedTypeName.get(ClassName.get(Class.class), family), failure))
                    .addMethod(throwing("newInstance", aggregate, failure))
                    .addMethod(throwing("apply", TypeName.VOID, failure).toBuilder()
                            .addParameter(aggregate, "aggregate").addParameter(family, "event").build())
                    .addMethod(throwing("replay", TypeName.VOID, failure).toBuilder()
                            .addParameter(aggregate, "aggregate")
                            .addParameter(RuntimeTypes.STORED_EVENT, "stored")
                            .addParameter(RuntimeTypes.EVENT_TYPE_REGISTRY, "registry").build());
        }
        return GeneratedCode.file(typeClass, type.build());
    }

    private static MethodSpec throwing(String name, TypeName returns, String failure) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addStatement("throw new $T($S)", IllegalStateException.class, failure)
                .build();
    }
}
