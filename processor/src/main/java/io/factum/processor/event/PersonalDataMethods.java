package io.factum.processor.event;

import static io.factum.processor.event.CodecGenerator.EVENT_TYPE;
import static io.factum.processor.event.CodecGenerator.GENERATOR;
import static io.factum.processor.event.CodecGenerator.JSON_GENERATOR;
import static io.factum.processor.event.CodecGenerator.JSON_PARSER;
import static io.factum.processor.event.CodecGenerator.PARSER;
import static io.factum.processor.event.CodecGenerator.VALUE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.event.PersonalModel.SubjectKind;
import java.util.Locale;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The per-property hook of {@code @PersonalData} in a generated codec, the same for both halves: the value's JSON
 * is written into a buffer of its own and sealed ({@code sealEmail}), the sealed text is written as a JSON string;
 * on read the text is kept until every property is read (the subject may come later), then opened
 * ({@code openEmail}) and read as the value, or as the declared replacement if the subject was forgotten. An
 * absent value (empty {@code Optional}, {@code null}) is written as plain {@code null}: absence is not secret.
 */
final class PersonalDataMethods {

    static final ClassName PERSONAL_DATA = ClassName.get("io.factum.personal", "PersonalData");
    static final ClassName PERSONAL_FIELD = ClassName.get("io.factum.personal", "PersonalField");
    private static final ClassName FAST_PATH_MISS = ClassName.get("io.factum.json", "FastPathMiss");
    private static final ClassName JSON = ClassName.get("io.factum.codec", "Json");
    private static final ClassName BYTE_ARRAY_BUILDER = ClassName.get("tools.jackson.core.util", "ByteArrayBuilder");
    private static final ClassName WRITE_CONTEXT = ClassName.get("tools.jackson.core", "ObjectWriteContext");
    private static final ClassName READ_CONTEXT = ClassName.get("tools.jackson.core", "ObjectReadContext");

    private final CodecGenerator.CodecWriter codec;

    PersonalDataMethods(CodecGenerator.CodecWriter codec) {
        this.codec = codec;
    }

    static boolean isPersonal(PropertyModel property) {
        return property.personal() != null;
    }

    private static String fieldName(PropertyModel property) {
        return GeneratedNames.constantName(property.name()) + "_PERSONAL";
    }

    private static String capitalized(PropertyModel property) {
        return property.name().substring(0, 1).toUpperCase(Locale.ROOT) + property.name().substring(1);
    }

    /** One {@code PersonalField} constant per personal property. */
    void addFields(TypeSpec.Builder type) {
        for (PropertyModel property : codec.model.properties()) {
            if (isPersonal(property)) {
                type.addField(FieldSpec.builder(PERSONAL_FIELD, fieldName(property), Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.field($S, $S)", PERSONAL_DATA, codec.model.typeLabel(), property.name())
                        .build());
            }
        }
    }

    /** The subject's text from the record ({@code value.customerId()}) or from a read local. */
    static CodeBlock subjectText(PersonalModel personal, CodeBlock subject) {
        return personal.subjectKind() == SubjectKind.STRING ? subject : CodeBlock.of("$T.subjectText($L)", PERSONAL_DATA, subject);
    }

    /**
     * Statements writing a personal property's value after its name, with {@code out} ({@code generator} or the
     * byte writer), {@code required} wrapping a value that must not be null.
     */
    CodeBlock write(PropertyModel property, String out, String local, Function<CodeBlock, CodeBlock> required) {
        PersonalModel personal = property.personal();
        CodeBlock subject = subjectText(personal, CodeBlock.of("$N.$N()", VALUE, personal.subject()));
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T $N = $L", property.type().typeName(), local, CodeBlock.of("$N.$N()", VALUE, property.name()));
        CodeBlock absent = switch (property.presence()) {
            case OPTIONAL -> CodeBlock.of("$N.isEmpty()", local);
            case NULLABLE -> CodeBlock.of("$N == null", local);
            default -> null;
        };
        CodeBlock sealed = CodeBlock.of("$N($L, $L)", sealHelper(property),
                absent == null ? required.apply(CodeBlock.of("$N", local)) : CodeBlock.of("$N", local), subject);
        if (absent == null) {
            return code.addStatement("$N.writeString($L)", out, sealed).build();
        }
        return code.beginControlFlow("if ($L)", absent)
                .addStatement("$N.writeNull()", out)
                .nextControlFlow("else")
                .addStatement("$N.writeString($L)", out, sealed)
                .endControlFlow()
                .build();
    }

    /** {@code T openEmail(String sealed, String subject)}: the value, or the replacement of a forgotten subject. */
    CodeBlock open(PropertyModel property, String sealedLocal, CodeBlock subjectLocal) {
        return CodeBlock.of("$N == null ? $L : $N($N, $L)", sealedLocal, CodecReadMethods.initialValue(property),
                openHelper(property), sealedLocal, subjectText(property.personal(), subjectLocal));
    }

    private String sealHelper(PropertyModel property) {
        String name = "seal" + capitalized(property);
        if (codec.helpers.containsKey(name)) {
            return name;
        }
        codec.helpers.put(name, null);
        String out = CodecBytesMethods.OUT;
        CodeBlock body = CodeBlock.builder()
                .addStatement("byte[] json")
                .beginControlFlow("try")
                .addStatement("$T $N = new $T()", CodecBytesMethods.WRITER, out, CodecBytesMethods.WRITER)
                .add(new CodecBytesMethods(codec).writeValue(property.type(), CodeBlock.of("$N", VALUE)))
                .addStatement("json = $N.toByteArray()", out)
                .nextControlFlow("catch ($T miss)", FAST_PATH_MISS)
                .add("// what the byte writer leaves to Jackson (e.g. a null element): Jackson writes it or names it\n")
                .addStatement("$T bytes = new $T()", BYTE_ARRAY_BUILDER, BYTE_ARRAY_BUILDER)
                .beginControlFlow("try ($T $N = $T.FACTORY.createGenerator($T.empty(), bytes))", JSON_GENERATOR, GENERATOR,
                        JSON, WRITE_CONTEXT)
                .addStatement("String $N = TYPE", EVENT_TYPE)
                .add(codec.writeValue(property.type(), CodeBlock.of("$N", VALUE)))
                .endControlFlow()
                .addStatement("json = bytes.toByteArray()")
                .endControlFlow()
                .addStatement("return $N.seal(subject, json)", fieldName(property))
                .build();
        codec.helpers.put(name, MethodSpec.methodBuilder(name)
                .addJavadoc("The sealed text of {@code $N}'s JSON under the key of {@code subject}.\n", VALUE)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(property.type().typeName(), VALUE)
                .addParameter(String.class, "subject")
                .addCode(body)
                .build());
        return name;
    }

    private String openHelper(PropertyModel property) {
        String name = "open" + capitalized(property);
        if (codec.helpers.containsKey(name)) {
            return name;
        }
        codec.helpers.put(name, null);
        String in = CodecBytesMethods.IN;
        PersonalModel personal = property.personal();
        CodeBlock replacement = personal.forgottenText() != null
                ? CodeBlock.of("$S", personal.forgottenText()) : CodecReadMethods.initialValue(property);
        CodeBlock body = CodeBlock.builder()
                .addStatement("byte[] json = $N.open(subject, sealed)", fieldName(property))
                .beginControlFlow("if (json == null)")
                .addStatement("return $L; // the subject was forgotten", replacement)
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("$T $N = new $T(json)", CodecBytesMethods.READER, in, CodecBytesMethods.READER)
                .addStatement("$T $N = $L", property.type().typeName(), VALUE, new CodecBytesMethods(codec).readValue(property.type()))
                .addStatement("$N.finish()", in)
                .addStatement("return $N", VALUE)
                .nextControlFlow("catch ($T miss)", FAST_PATH_MISS)
                .beginControlFlow("try ($T $N = $T.FACTORY.createParser($T.empty(), json))", JSON_PARSER, PARSER, JSON, READ_CONTEXT)
                .addStatement("String $N = TYPE", EVENT_TYPE)
                .addStatement("$N.nextToken()", PARSER)
                .addStatement("return $L", new CodecReadMethods(codec).readValue(property.type()))
                .endControlFlow()
                .endControlFlow()
                .build();
        codec.helpers.put(name, MethodSpec.methodBuilder(name)
                .addJavadoc("The value sealed in {@code sealed}, or its replacement once {@code subject} is forgotten.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(property.type().typeName())
                .addParameter(String.class, "sealed")
                .addParameter(String.class, "subject")
                .addCode(body)
                .build());
        return name;
    }
}
