package io.factum.processor.event;

import static io.factum.processor.event.CodecGenerator.ARRAYS;
import static io.factum.processor.event.CodecGenerator.ARRAY_LIST;
import static io.factum.processor.event.CodecGenerator.CODEC_SUPPORT;
import static io.factum.processor.event.CodecGenerator.COLLECTIONS;
import static io.factum.processor.event.CodecGenerator.EVENT_TYPE;
import static io.factum.processor.event.CodecGenerator.JSON_PARSER;
import static io.factum.processor.event.CodecGenerator.JSON_TOKEN;
import static io.factum.processor.event.CodecGenerator.LINKED_HASH_MAP;
import static io.factum.processor.event.CodecGenerator.LINKED_HASH_SET;
import static io.factum.processor.event.CodecGenerator.LIST;
import static io.factum.processor.event.CodecGenerator.MAP;
import static io.factum.processor.event.CodecGenerator.NAME_MATCHER;
import static io.factum.processor.event.CodecGenerator.OPTIONAL;
import static io.factum.processor.event.CodecGenerator.PARSER;
import static io.factum.processor.event.CodecGenerator.SET;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The read side of one generated codec: its {@code read(parser, eventType)} method (one local per property,
 * a {@code switch} on the matched name index, the presence checks, the constructor call) and the private
 * read helpers it needs, which it adds to the codec's helpers.
 */
final class CodecReadMethods {

    private final CodecGenerator.CodecWriter codec;

    CodecReadMethods(CodecGenerator.CodecWriter codec) {
        this.codec = codec;
    }

    MethodSpec readMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("read")
                .addJavadoc("Reads the object starting at the current token, naming {@code $N} in errors:"
                        + " the event it is part of.\n", EVENT_TYPE)
                .addModifiers(Modifier.PUBLIC)
                .returns(codec.model.recordClass())
                .addParameter(JSON_PARSER, PARSER)
                .addParameter(String.class, EVENT_TYPE);
        if (codec.model.properties().isEmpty()) {
            return method.beginControlFlow("while ($N.nextName() != null)", PARSER)
                    .addComment("no components: skip whatever is there")
                    .addStatement("$N.nextToken()", PARSER)
                    .addStatement("$N.skipChildren()", PARSER)
                    .endControlFlow()
                    .addStatement("return new $T()", codec.model.recordClass())
                    .build();  // a constructor without components has no values to reject
        }

        ReadLocals locals = new ReadLocals(codec, method, PARSER, EVENT_TYPE, "index", "e");
        method.beginControlFlow("for (int index = $N.nextNameMatch(NAMES);$Windex != $T.MATCH_END_OBJECT;"
                        + "$Windex = $N.nextNameMatch(NAMES))", PARSER, NAME_MATCHER, PARSER)
                .addStatement("$N.nextToken()", PARSER)
                .beginControlFlow("switch (index)");
        locals.cases(method, this::readProperty, CodeBlock.of("$N.hasToken($T.VALUE_NULL) ? null : $T.readString($N, $N)",
                PARSER, JSON_TOKEN, CODEC_SUPPORT, PARSER, EVENT_TYPE), CodeBlock.of("$N.skipChildren()", PARSER));
        method.endControlFlow()
                .endControlFlow();
        List<CodeBlock> arguments = locals.checkRequired(method, property ->
                CodeBlock.of("$T.missing($N, $N, $S)", CODEC_SUPPORT, PARSER, EVENT_TYPE, property.name()));
        // A compact constructor may check invariants: its exception becomes a decoding error with a path.
        return method.beginControlFlow("try")
                .addStatement("return new $T($L)", codec.model.recordClass(), CodeBlock.join(arguments, ", "))
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addStatement("throw $T.rejected($N, $N, e)", CODEC_SUPPORT, PARSER, EVENT_TYPE)
                .endControlFlow()
                .build();
    }

    /** What a variable holds before its property is read: what a missing property means. */
    static CodeBlock initialValue(PropertyModel property) {
        if (property.primitive()) {
            return CodeBlock.of(((PropertyType.Scalar) property.type()).kind() == ScalarKind.BOOLEAN ? "false" : "0");
        }
        return property.presence() == Presence.EMPTY_WHEN_ABSENT || property.presence() == Presence.OPTIONAL
                ? empty(property.type())
                : CodeBlock.of("null");
    }

    static CodeBlock empty(PropertyType type) {
        if (type instanceof PropertyType.ListType) {
            return CodeBlock.of("$T.of()", LIST);
        }
        if (type instanceof PropertyType.SetType) {
            return CodeBlock.of("$T.of()", SET);
        }
        if (type instanceof PropertyType.MapType) {
            return CodeBlock.of("$T.of()", MAP);
        }
        if (type instanceof PropertyType.OptionalType) {
            return CodeBlock.of("$T.empty()", OPTIONAL);
        }
        if (type instanceof PropertyType.ArrayType array) {
            return CodeBlock.of("new $T[0]", array.element().typeName());
        }
        if (type instanceof PropertyType.BinaryType) {
            return CodeBlock.of("new byte[0]");
        }
        throw new IllegalStateException("no empty value for " + type);
    }

    /** The value a present property's current token reads as, by its presence rule. */
    private CodeBlock readProperty(PropertyModel property) {
        CodeBlock value = readValue(property.type());
        return switch (property.presence()) {
            case REQUIRED, OPTIONAL -> value;  // readValue rejects null, or maps it to Optional.empty()
            case EMPTY_WHEN_ABSENT -> CodeBlock.of("$N.hasToken($T.VALUE_NULL) ? $L : $L",
                    PARSER, JSON_TOKEN, empty(property.type()), value);
            case NULLABLE -> CodeBlock.of("$N.hasToken($T.VALUE_NULL) ? null : $L", PARSER, JSON_TOKEN, value);
        };
    }

    /** An expression reading the value at the current token; null is an error, except for Optional. */
    CodeBlock readValue(PropertyType type) {
        if (type instanceof PropertyType.Scalar scalar) {
            return CodeBlock.of("$T.$N($N, $N)", CODEC_SUPPORT, scalar.kind().readMethod(), PARSER, EVENT_TYPE);
        }
        if (type instanceof PropertyType.BinaryType) {
            return CodeBlock.of("$T.readBinary($N, $N)", CODEC_SUPPORT, PARSER, EVENT_TYPE);
        }
        if (type instanceof PropertyType.RecordType nested) {
            return CodeBlock.of("$T.INSTANCE.read($T.expectObject($N, $N), $N)",
                    nested.codec(), CODEC_SUPPORT, PARSER, EVENT_TYPE, EVENT_TYPE);
        }
        if (type instanceof PropertyType.OptionalType optional) {
            return CodeBlock.of("$N.hasToken($T.VALUE_NULL) ? $T.empty() : $T.of($L)",
                    PARSER, JSON_TOKEN, OPTIONAL, OPTIONAL, readValue(optional.contained()));
        }
        return CodeBlock.of("$N($N, $N)", readHelper(type), PARSER, EVENT_TYPE);
    }

    private String readHelper(PropertyType type) {
        String name = codec.helperName("read", type);
        if (codec.helpers.containsKey(name)) {
            return name;
        }
        codec.helpers.put(name, null);  // reserve the name (and the position) before writing nested helpers
        TypeName javaType = type.typeName();
        CodeBlock.Builder body = CodeBlock.builder();
        if (type instanceof PropertyType.EnumType enumType) {
            body.addStatement("String name = $T.readString($N, $N)", CODEC_SUPPORT, PARSER, EVENT_TYPE)
                    .beginControlFlow("try")
                    .addStatement("return $T.valueOf(name)", enumType.type())
                    .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
                    .addStatement("throw $T.unknownConstant($N, $N, name, $T.values())",
                            CODEC_SUPPORT, PARSER, EVENT_TYPE, enumType.type())
                    .endControlFlow();
        } else if (type instanceof PropertyType.ListType list) {
            readElements(body, javaType, ARRAY_LIST, list.contained());
            body.addStatement("return $T.unmodifiableList(values)", COLLECTIONS);
        } else if (type instanceof PropertyType.SetType set) {
            readElements(body, javaType, LINKED_HASH_SET, set.contained());
            body.addStatement("return $T.unmodifiableSet(values)", COLLECTIONS);
        } else if (type instanceof PropertyType.MapType map) {
            body.addStatement("$T.expectObject($N, $N)", CODEC_SUPPORT, PARSER, EVENT_TYPE)
                    .addStatement("$T values = new $T<>()", javaType, LINKED_HASH_MAP)
                    .beginControlFlow("for (String key = $N.nextName(); key != null; key = $N.nextName())",
                            PARSER, PARSER)
                    .addStatement("$N.nextToken()", PARSER)
                    .addStatement("values.put(key, $L)", readValue(map.contained()))
                    .endControlFlow()
                    .addStatement("return $T.unmodifiableMap(values)", COLLECTIONS);
        } else if (type instanceof PropertyType.ArrayType array) {
            // Grows like ArrayList, but also for primitive elements, without boxing them.
            body.addStatement("$T.expectArray($N, $N)", CODEC_SUPPORT, PARSER, EVENT_TYPE)
                    .addStatement("$T values = new $T[8]", javaType, array.element().typeName())
                    .addStatement("int size = 0")
                    .beginControlFlow("while ($N.nextToken() != $T.END_ARRAY)", PARSER, JSON_TOKEN)
                    .beginControlFlow("if (size == values.length)")
                    .addStatement("values = $T.copyOf(values, size * 2)", ARRAYS)
                    .endControlFlow()
                    .addStatement("values[size++] = $L", readValue(array.element()))
                    .endControlFlow()
                    .addStatement("return $T.copyOf(values, size)", ARRAYS);
        } else {
            throw new IllegalStateException("no read helper for " + type);
        }
        codec.helpers.put(name, MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(javaType)
                .addParameter(JSON_PARSER, PARSER)
                .addParameter(String.class, EVENT_TYPE)
                .addCode(body.build())
                .build());
        return name;
    }

    private void readElements(CodeBlock.Builder body, TypeName javaType, ClassName implementation, PropertyType element) {
        body.addStatement("$T.expectArray($N, $N)", CODEC_SUPPORT, PARSER, EVENT_TYPE)
                .addStatement("$T values = new $T<>()", javaType, implementation)
                .beginControlFlow("while ($N.nextToken() != $T.END_ARRAY)", PARSER, JSON_TOKEN)
                .addStatement("values.add($L)", readValue(element))
                .endControlFlow();
    }

    static String capitalize(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
