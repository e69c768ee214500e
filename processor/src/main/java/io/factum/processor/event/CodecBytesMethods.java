package io.factum.processor.event;

import static io.factum.processor.event.CodecGenerator.ARRAYS;
import static io.factum.processor.event.CodecGenerator.ARRAY_LIST;
import static io.factum.processor.event.CodecGenerator.COLLECTIONS;
import static io.factum.processor.event.CodecGenerator.LINKED_HASH_MAP;
import static io.factum.processor.event.CodecGenerator.LINKED_HASH_SET;
import static io.factum.processor.event.CodecGenerator.MAP;
import static io.factum.processor.event.CodecGenerator.OPTIONAL;
import static io.factum.processor.event.CodecGenerator.VALUE;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The byte-level half of one generated codec ({@code JsonBytesCodec}): a {@code byte[]} per property holding its
 * name as written ({@code ,"quantity":}), a table of the names' bytes for reading, {@code write(out, value)} and
 * {@code read(in)} with one statement (or one {@code case}) per property, and a private overload of each
 * container helper taking the byte writer or reader. It mirrors the Jackson half value for value; whatever it
 * does not take ({@code FastPathMiss}) the Jackson half decides.
 */
final class CodecBytesMethods {

    static final ClassName BYTES_CODEC = ClassName.get("io.factum.json", "JsonBytesCodec");
    static final ClassName WRITER = ClassName.get("io.factum.json", "JsonBytesWriter");
    static final ClassName READER = ClassName.get("io.factum.json", "JsonBytesReader");
    static final ClassName ENUM_CONSTANT = ClassName.get("io.factum.json", "EnumConstant");
    static final ClassName FORMATTER = ClassName.get("java.time.format", "DateTimeFormatter");
    static final String OUT = "out";
    static final String IN = "in";
    static final String NAME_TABLE = "NAME_BYTES";

    private final CodecGenerator.CodecWriter codec;

    CodecBytesMethods(CodecGenerator.CodecWriter codec) {
        this.codec = codec;
    }

    /** Adds the fields and the two methods; the helpers go to the codec's helpers. */
    void addTo(TypeSpec.Builder type) {
        List<PropertyModel> properties = codec.model.properties();
        type.addSuperinterface(ParameterizedTypeName.get(BYTES_CODEC, codec.model.recordClass()));
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i).name();
            type.addField(FieldSpec.builder(byte[].class, codec.jsonNameConstants.get(name),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.name($S, $L)", WRITER, name, i == 0)
                    .build());
        }
        if (!properties.isEmpty()) {
            CodeBlock names = properties.stream()
                    .map(property -> CodeBlock.of("$S", property.name()))
                    .collect(CodeBlock.joining(", "));
            type.addField(FieldSpec.builder(byte[][].class, NAME_TABLE, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The UTF-8 bytes of each property name, by index in declaration order.\n")
                    .initializer("$T.names($L)", READER, names)
                    .build());
        }
        codec.enumConstants.forEach((enumType, field) -> type.addField(FieldSpec.builder(
                        ArrayTypeName.of(ParameterizedTypeName.get(ENUM_CONSTANT, enumType)), field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The constants of {@link $T} with their JSON strings, by ordinal.\n", enumType)
                .initializer("$T.constants($T.values())", WRITER, enumType)
                .build()));
        type.addMethod(writeMethod());
        type.addMethod(readMethod());
    }

    // ------------------------------------------------------------ write

    private MethodSpec writeMethod() {
        NameAllocator locals = codec.localNames(OUT, VALUE);
        CodeBlock.Builder body = CodeBlock.builder().addStatement("$N.writeByte('{')", OUT);
        for (PropertyModel property : codec.model.properties()) {
            // one block per property: its name, then its value by its presence rule
            body.addStatement("$N.writeRaw($N)", OUT, codec.jsonNameConstants.get(property.name()));
            CodeBlock accessor = CodeBlock.of("$N.$N()", VALUE, property.name());
            if (PersonalDataMethods.isPersonal(property)) {
                body.add(codec.personalData.write(property, OUT, locals.newName(property.name()), CodecBytesMethods::required));
            } else if (property.primitive()) {
                body.add(writeValue(property.type(), accessor));
            } else if (property.presence() == Presence.NULLABLE) {
                String local = locals.newName(property.name());
                body.addStatement("$T $N = $L", property.type().typeName(), local, accessor)
                        .beginControlFlow("if ($N == null)", local)
                        .addStatement("$N.writeNull()", OUT)
                        .nextControlFlow("else")
                        .add(writeValue(property.type(), CodeBlock.of("$N", local)))
                        .endControlFlow();
            } else {
                body.add(writeValue(property.type(), required(accessor)));
            }
        }
        body.addStatement("$N.writeByte('}')", OUT);
        return MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(WRITER, OUT)
                .addParameter(codec.model.recordClass(), VALUE)
                .addCode(body.build())
                .build();
    }

    private static CodeBlock required(CodeBlock value) {
        return CodeBlock.of("$T.required($L)", WRITER, value);
    }

    /** Statements writing the non-null {@code value} (an expression evaluated exactly once). */
    CodeBlock writeValue(PropertyType type, CodeBlock value) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (type instanceof PropertyType.Scalar scalar) {
            return code.addStatement(writeScalar(scalar.kind(), value)).build();
        }
        if (type instanceof PropertyType.EnumType enumType) {
            return code.addStatement("$N.writeRaw($N[$L.ordinal()].json())", OUT,
                    codec.enumConstants.get(enumType.type()), value).build();
        }
        if (type instanceof PropertyType.BinaryType) {
            return code.addStatement("$N.writeBinary($L)", OUT, value).build();
        }
        if (type instanceof PropertyType.RecordType nested) {
            return code.addStatement("$T.INSTANCE.write($N, $L)", nested.codec(), OUT, value).build();
        }
        return code.addStatement("$N($N, $L)", writeHelper(type), OUT, value).build();
    }

    private static CodeBlock writeScalar(ScalarKind kind, CodeBlock value) {
        return switch (kind) {
            case STRING -> CodeBlock.of("$N.writeString($L)", OUT, value);
            case BOOLEAN -> CodeBlock.of("$N.writeBoolean($L)", OUT, value);
            case CHAR -> CodeBlock.of("$N.writeChar($L)", OUT, value);
            case BYTE, SHORT, INT -> CodeBlock.of("$N.writeInt($L)", OUT, value);
            case LONG -> CodeBlock.of("$N.writeLong($L)", OUT, value);
            case FLOAT -> CodeBlock.of("$N.writeFloat($L)", OUT, value);
            case DOUBLE -> CodeBlock.of("$N.writeDouble($L)", OUT, value);
            case BIG_DECIMAL -> CodeBlock.of("$N.writeBigDecimal($L)", OUT, value);
            case BIG_INTEGER -> CodeBlock.of("$N.writeBigInteger($L)", OUT, value);
            case UUID -> CodeBlock.of("$N.writeUuid($L)", OUT, value);
            case INSTANT -> CodeBlock.of("$N.writeInstant($L)", OUT, value);
            case LOCAL_DATE, DURATION -> CodeBlock.of("$N.writeString($L.toString())", OUT, value);
            case LOCAL_DATE_TIME -> CodeBlock.of("$N.writeString($T.ISO_LOCAL_DATE_TIME.format($L))", OUT, FORMATTER, value);
            case OFFSET_DATE_TIME -> CodeBlock.of("$N.writeString($T.ISO_OFFSET_DATE_TIME.format($L))", OUT, FORMATTER, value);
        };
    }

    private String writeHelper(PropertyType type) {
        String name = codec.helperName("write", type);
        String key = name + " bytes";
        if (codec.helpers.containsKey(key)) {
            return name;
        }
        codec.helpers.put(key, null);  // reserve the position before writing nested helpers
        String parameter = type instanceof PropertyType.OptionalType ? VALUE : "values";
        CodeBlock.Builder body = CodeBlock.builder();
        if (type instanceof PropertyType.OptionalType optional) {
            body.beginControlFlow("if ($N.isPresent())", VALUE)
                    .add(writeValue(optional.contained(), CodeBlock.of("$N.get()", VALUE)))
                    .nextControlFlow("else")
                    .addStatement("$N.writeNull()", OUT)
                    .endControlFlow();
        } else if (type instanceof PropertyType.MapType map) {
            TypeName entry = ParameterizedTypeName.get(MAP.nestedClass("Entry"), ClassName.get(String.class),
                    map.contained().typeName().box());
            body.addStatement("$N.writeByte('{')", OUT)
                    .addStatement("boolean first = true")
                    .beginControlFlow("for ($T entry : values.entrySet())", entry)
                    .beginControlFlow("if (!first)")
                    .addStatement("$N.writeByte(',')", OUT)
                    .endControlFlow()
                    .addStatement("first = false")
                    .addStatement("$N.writeString($L)", OUT, required(CodeBlock.of("entry.getKey()")))
                    .addStatement("$N.writeByte(':')", OUT)
                    .add(writeValue(map.contained(), required(CodeBlock.of("entry.getValue()"))))
                    .endControlFlow()
                    .addStatement("$N.writeByte('}')", OUT);
        } else {
            PropertyType element = type instanceof PropertyType.ArrayType array ? array.element()
                    : ((PropertyType.Container) type).contained();
            TypeName elementType = type instanceof PropertyType.ArrayType ? element.typeName() : element.typeName().box();
            CodeBlock each = elementType.isPrimitive() ? CodeBlock.of("element") : required(CodeBlock.of("element"));
            body.addStatement("$N.writeByte('[')", OUT)
                    .addStatement("boolean first = true")
                    .beginControlFlow("for ($T element : values)", elementType)
                    .beginControlFlow("if (!first)")
                    .addStatement("$N.writeByte(',')", OUT)
                    .endControlFlow()
                    .addStatement("first = false")
                    .add(writeValue(element, each))
                    .endControlFlow()
                    .addStatement("$N.writeByte(']')", OUT);
        }
        codec.helpers.put(key, MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(WRITER, OUT)
                .addParameter(type.typeName(), parameter)
                .addCode(body.build())
                .build());
        return name;
    }

    // ------------------------------------------------------------ read

    private MethodSpec readMethod() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(codec.model.recordClass())
                .addParameter(READER, IN);
        List<PropertyModel> properties = codec.model.properties();
        if (properties.isEmpty()) {
            return method.addStatement("$N.beginObject()", IN)
                    .beginControlFlow("for (int index = $N.firstName($T.NO_NAMES); index != $T.END;"
                            + " index = $N.nextName($T.NO_NAMES, 0))", IN, READER, READER, IN, READER)
                    .addStatement("$N.skipValue()", IN)
                    .endControlFlow()
                    .addStatement("return new $T()", codec.model.recordClass())
                    .build();
        }
        ReadLocals locals = new ReadLocals(codec, method, IN, "index");
        method.addStatement("$N.beginObject()", IN)
                .beginControlFlow("for (int index = $N.firstName($N); index != $T.END;"
                        + "$Windex = $N.nextName($N, index + 1))", IN, NAME_TABLE, READER, IN, NAME_TABLE)
                .beginControlFlow("switch (index)");
        locals.cases(method, this::readProperty, CodeBlock.of("$N.isNull() ? null : $N.readString()", IN, IN),
                CodeBlock.of("$N.skipValue()", IN));
        method.endControlFlow()
                .endControlFlow();
        // missing: the Jackson half names the property
        List<CodeBlock> arguments = locals.checkRequired(method, property -> CodeBlock.of("$T.miss()", READER));
        // a constructor that rejects the values throws; the Jackson half turns that into a decoding error
        return method.addStatement("return new $T($L)", codec.model.recordClass(), CodeBlock.join(arguments, ", "))
                .build();
    }

    private CodeBlock readProperty(PropertyModel property) {
        CodeBlock value = readValue(property.type());
        return switch (property.presence()) {
            case REQUIRED, OPTIONAL -> value;
            case EMPTY_WHEN_ABSENT -> CodeBlock.of("$N.isNull() ? $L : $L", IN, CodecReadMethods.empty(property.type()), value);
            case NULLABLE -> CodeBlock.of("$N.isNull() ? null : $L", IN, value);
        };
    }

    CodeBlock readValue(PropertyType type) {
        if (type instanceof PropertyType.Scalar scalar) {
            return CodeBlock.of("$N.$N()", IN, scalar.kind().readMethod());
        }
        if (type instanceof PropertyType.BinaryType) {
            return CodeBlock.of("$N.readBinary()", IN);
        }
        if (type instanceof PropertyType.EnumType enumType) {
            return CodeBlock.of("$N.readConstant($N)", IN, codec.enumConstants.get(enumType.type()));
        }
        if (type instanceof PropertyType.RecordType nested) {
            return CodeBlock.of("$T.INSTANCE.read($N)", nested.codec(), IN);
        }
        if (type instanceof PropertyType.OptionalType optional) {
            return CodeBlock.of("$N.isNull() ? $T.empty() : $T.of($L)", IN, OPTIONAL, OPTIONAL,
                    readValue(optional.contained()));
        }
        return CodeBlock.of("$N($N)", readHelper(type), IN);
    }

    private String readHelper(PropertyType type) {
        String name = codec.helperName("read", type);
        String key = name + " bytes";
        if (codec.helpers.containsKey(key)) {
            return name;
        }
        codec.helpers.put(key, null);
        TypeName javaType = type.typeName();
        CodeBlock.Builder body = CodeBlock.builder();
        if (type instanceof PropertyType.MapType map) {
            body.addStatement("$N.beginObject()", IN)
                    .addStatement("$T values = new $T<>()", javaType, LINKED_HASH_MAP)
                    .beginControlFlow("for (String key = $N.nextKey(true); key != null; key = $N.nextKey(false))", IN, IN)
                    .addStatement("values.put(key, $L)", readValue(map.contained()))
                    .endControlFlow()
                    .addStatement("return $T.unmodifiableMap(values)", COLLECTIONS);
        } else if (type instanceof PropertyType.ArrayType array) {
            body.addStatement("$N.beginArray()", IN)
                    .addStatement("$T values = new $T[8]", javaType, array.element().typeName())
                    .addStatement("int size = 0")
                    .beginControlFlow("for (boolean first = true; $N.nextElement(first); first = false)", IN)
                    .beginControlFlow("if (size == values.length)")
                    .addStatement("values = $T.copyOf(values, size * 2)", ARRAYS)
                    .endControlFlow()
                    .addStatement("values[size++] = $L", readValue(array.element()))
                    .endControlFlow()
                    .addStatement("return $T.copyOf(values, size)", ARRAYS);
        } else {
            boolean list = type instanceof PropertyType.ListType;
            body.addStatement("$N.beginArray()", IN)
                    .addStatement("$T values = new $T<>()", javaType, list ? ARRAY_LIST : LINKED_HASH_SET)
                    .beginControlFlow("for (boolean first = true; $N.nextElement(first); first = false)", IN)
                    .addStatement("values.add($L)", readValue(((PropertyType.Container) type).contained()))
                    .endControlFlow()
                    .addStatement("return $T.$N(values)", COLLECTIONS, list ? "unmodifiableList" : "unmodifiableSet");
        }
        codec.helpers.put(key, MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(javaType)
                .addParameter(READER, IN)
                .addCode(body.build())
                .build());
        return name;
    }
}
