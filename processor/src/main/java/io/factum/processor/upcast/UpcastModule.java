package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.base.GeneratedCode;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What the generated {@code FactumModule} needs to list the unit's upcasters. The module generator
 * adds {@link #upcastersMethod} to the module class when {@code upcasters} is not empty.
 */
public final class UpcastModule {

    private static final TypeName ANY = WildcardTypeName.subtypeOf(Object.class);
    /** {@code List<Upcaster<?, ?>>}. */
    public static final TypeName UPCASTER_LIST = ParameterizedTypeName.get(ClassName.get(List.class),
            ParameterizedTypeName.get(UpcasterGenerator.UPCASTER, ANY, ANY));

    private UpcastModule() {}

    /**
     * {@code List.of(OrderCreatedV1Upcaster.INSTANCE, ...)}: an expression of type {@code List<Upcaster<?, ?>>}
     * listing {@code upcasters} in their given order (the step's {@code upcasters()} are sorted by stored name and version).
     */
    public static CodeBlock upcastersInitializer(List<UpcasterModel> upcasters) {
        return GeneratedCode.listOf(upcasters.stream()
                .map(upcaster -> CodeBlock.of("$T.INSTANCE", upcaster.upcasterClass()))
                .toList());
    }

    /** {@code @Override public List<Upcaster<?, ?>> upcasters() { return List.of(...); }} for the module class. */
    public static MethodSpec upcastersMethod(List<UpcasterModel> upcasters) {
        return MethodSpec.methodBuilder("upcasters")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(UPCASTER_LIST)
                .addStatement("return $L", upcastersInitializer(upcasters))
                .build();
    }
}
