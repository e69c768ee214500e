package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.event.EventModel;
import io.factum.processor.upcast.UpcastModule;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the compilation unit's {@code FactumModule}: constant lists of its event types and aggregate types. */
public final class ModuleGenerator {

    private static final TypeName ANY = WildcardTypeName.subtypeOf(Object.class);

    private ModuleGenerator() {}

    public static JavaFile generate(ModuleModel model) {
        TypeName eventTypes = ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(RuntimeTypes.EVENT_TYPE, ANY));
        TypeName aggregateTypes = ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_TYPE, ANY, ANY));
        TypeSpec.Builder type = GeneratedCode.classBuilder(model.moduleClass())
                .addJavadoc("The event types and aggregate types of this compilation unit. {@link java.util.ServiceLoader}\n"
                        + "finds it through {@code META-INF/services/$L}; it can also be passed explicitly.\n", RuntimeTypes.FACTUM_MODULE.canonicalName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeTypes.FACTUM_MODULE)
                .addField(FieldSpec.builder(eventTypes, "EVENT_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(eventTypeList(model.events()))
                        .build())
                .addField(FieldSpec.builder(aggregateTypes, "AGGREGATE_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(aggregateTypeList(model.aggregateTypes()))
                        .build())
                .addMethod(GeneratedCode.overridingGetter("eventTypes", eventTypes, CodeBlock.of("EVENT_TYPES")))
                .addMethod(GeneratedCode.overridingGetter("aggregateTypes", aggregateTypes, CodeBlock.of("AGGREGATE_TYPES")));
        if (!model.upcasters().isEmpty()) {
            type.addField(FieldSpec.builder(UpcastModule.UPCASTER_LIST, "UPCASTERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer(UpcastModule.upcastersInitializer(model.upcasters()))
                            .build())
                    .addMethod(GeneratedCode.overridingGetter("upcasters", UpcastModule.UPCASTER_LIST, CodeBlock.of("UPCASTERS")));
        }
        return GeneratedCode.file(model.moduleClass(), type.build());
    }

    private static CodeBlock eventTypeList(List<EventModel> events) {
        return GeneratedCode.listOf(events.stream()
                .map(event -> CodeBlock.of("new $T<>($S, $L, $T.class, $T.INSTANCE)", RuntimeTypes.EVENT_TYPE, event.storedName(),
                        event.version(), event.recordClass(), event.codecClass()))
                .toList());
    }

    private static CodeBlock aggregateTypeList(List<ClassName> types) {
        return GeneratedCode.listOf(types.stream().map(type -> CodeBlock.of("$T.INSTANCE", type)).toList());
    }
}
