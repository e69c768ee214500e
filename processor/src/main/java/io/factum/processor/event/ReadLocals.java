package io.factum.processor.event;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The skeleton both halves of a generated codec's {@code read} share: one local per property (with a "seen"
 * flag for primitives), one {@code case} per property index, one check per required property, and the
 * arguments of the constructor call. What a value is read with differs per half; the skeleton does not.
 */
final class ReadLocals {

    private final CodecGenerator.CodecWriter codec;
    private final List<PropertyModel> properties;
    private final Map<String, String> variables = new LinkedHashMap<>();
    /** Per {@code @PersonalData} property, the local its opened value goes to (its variable holds the sealed text). */
    private final Map<String, String> opened = new LinkedHashMap<>();
    private final Map<String, String> seenFlags = new LinkedHashMap<>();

    /** Declares the locals in {@code method}, named so that they never shadow {@code parameters} or a field. */
    ReadLocals(CodecGenerator.CodecWriter codec, MethodSpec.Builder method, String... parameters) {
        this.codec = codec;
        this.properties = codec.model.properties();
        NameAllocator locals = codec.localNames(parameters);
        for (PropertyModel property : properties) {
            variables.put(property.name(), locals.newName(PersonalDataMethods.isPersonal(property)
                    ? property.name() + "Sealed" : property.name()));
        }
        for (PropertyModel property : properties) {
            if (PersonalDataMethods.isPersonal(property)) {
                opened.put(property.name(), locals.newName(property.name()));
            }
        }
        for (PropertyModel property : properties) {
            if (property.primitive()) {
                seenFlags.put(property.name(), locals.newName("has" + CodecReadMethods.capitalize(property.name())));
            }
        }
        for (PropertyModel property : properties) {
            if (PersonalDataMethods.isPersonal(property)) {
                method.addStatement("String $N = null", variables.get(property.name()));
                continue;
            }
            method.addStatement("$T $N = $L", property.type().typeName(), variables.get(property.name()),
                    CodecReadMethods.initialValue(property));
            if (property.primitive()) {
                method.addStatement("boolean $N = false", seenFlags.get(property.name()));
            }
        }
    }

    /**
     * One {@code case} per property index (each says which property it stands for, in the order of the name
     * table), assigning {@code value} of the property ({@code sealedText}, the string or null, for a personal
     * one), then {@code default -> unknown}.
     */
    void cases(MethodSpec.Builder method, Function<PropertyModel, CodeBlock> value, CodeBlock sealedText, CodeBlock unknown) {
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel property = properties.get(i);
            String variable = variables.get(property.name());
            if (PersonalDataMethods.isPersonal(property)) {
                method.addCode("case $L -> $N = $L; // $S, sealed\n", i, variable, sealedText, property.name());
            } else if (property.primitive()) {
                method.addCode("case $L -> { // $S\n$>", i, property.name())
                        .addStatement("$N = $L", variable, value.apply(property))
                        .addStatement("$N = true", seenFlags.get(property.name()))
                        .addCode("$<}\n");
            } else {
                method.addCode("case $L -> $N = $L; // $S\n", i, variable, value.apply(property), property.name());
            }
        }
        method.addStatement("default -> $L", unknown);
    }

    /** An {@code if (missing) throw ...} per required property; returns the constructor's arguments. */
    List<CodeBlock> checkRequired(MethodSpec.Builder method, Function<PropertyModel, CodeBlock> missingError) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (PropertyModel property : properties) {
            String variable = variables.get(property.name());
            if (property.presence() == Presence.REQUIRED) {
                CodeBlock missing = property.primitive()
                        ? CodeBlock.of("!$N", seenFlags.get(property.name()))
                        : CodeBlock.of("$N == null", variable);
                method.beginControlFlow("if ($L)", missing)
                        .addStatement("throw $L", missingError.apply(property))
                        .endControlFlow();
            }
            arguments.add(CodeBlock.of("$N", opened.getOrDefault(property.name(), variable)));
        }
        // personal values are opened once every property is read: the subject may come after them
        for (PropertyModel property : properties) {
            if (PersonalDataMethods.isPersonal(property)) {
                method.addStatement("$T $N = $L", property.type().typeName(), opened.get(property.name()),
                        codec.personalData.open(property, variables.get(property.name()),
                                CodeBlock.of("$N", variables.get(property.personal().subject()))));
            }
        }
        return arguments;
    }
}
