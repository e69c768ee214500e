package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Names;
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
                ParameterizedTypeName.get(Names.EVENT_TYPE, ANY));
        TypeName aggregateTypes = ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(Names.AGGREGATE_TYPE, ANY, ANY));
        TypeSpec.Builder type = GeneratedCode.classBuilder(model.moduleClass())
                .addJavadoc("The event types and aggregate types of this compilation unit. {@link java.util.ServiceLoader}\n"
                        + "finds it through {@code META-INF/services/$L}; it can also be passed explicitly.\n", Names.FACTUM_MODULE.canonicalName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Names.FACTUM_MODULE)
                .addField(FieldSpec.builder(eventTypes, "EVENT_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(eventTypeList(model.events()))
                        .build())
                .addField(FieldSpec.builder(aggregateTypes, "AGGREGATE_TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(aggregateTypeList(model.aggregateTypes()))
                        .build())
                .addMethod(getter("eventTypes", eventTypes, "EVENT_TYPES"))
                .addMethod(getter("aggregateTypes", aggregateTypes, "AGGREGATE_TYPES"));
        if (!model.upcasters().isEmpty()) {
            type.addField(FieldSpec.builder(UpcastModule.UPCASTER_LIST, "UPCASTERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                            .initializer(UpcastModule.upcastersInitializer(model.upcasters()))
                            .build())
                    .addMethod(getter("upcasters", UpcastModule.UPCASTER_LIST, "UPCASTERS"));
        }
        return GeneratedCode.file(model.moduleClass(), type.build());
    }

    private static CodeBlock eventTypeList(List<EventModel> events) {
        if (events.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", List.class).indent().indent();
        for (int i = 0; i < events.size(); i++) {
            EventModel event = events.get(i);
            list.add("new $T<>($S, $L, $T.class, $T.INSTANCE)$L", Names.EVENT_TYPE, event.storedName(), event.version(),
                    event.recordClass(), event.codecClass(), i < events.size() - 1 ? ",\n" : ")");
        }
        return list.unindent().unindent().build();
    }

    private static CodeBlock aggregateTypeList(List<ClassName> types) {
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
        for (int i = 0; i < types.size(); i++) {
            list.add(i == 0 ? "$T.INSTANCE" : ", $T.INSTANCE", types.get(i));
        }
        return list.add(")").build();
    }

    private static MethodSpec getter(String name, TypeName type, String field) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $N", field)
                .build();
    }
}
