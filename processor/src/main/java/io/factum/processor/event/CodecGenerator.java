package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates the JSON codec of one record from its {@link RecordCodecModel}: one class with two halves that
 * write the same bytes and read the same values. The Jackson half ({@code EventCodec}, this class and
 * {@link CodecReadMethods}) is the public contract and decides every error; the byte-level half
 * ({@code JsonBytesCodec}, {@link CodecBytesMethods}) is what {@code EventJson} runs first.
 *
 * <p>The Jackson half, on Jackson's streaming API:
 * <p>Shape of the generated class: a {@code SerializedString} per property (names are encoded once),
 * one {@code PropertyNameMatcher} (names are matched on the parser's raw bytes, in one hash lookup, as
 * jackson-databind's own bean deserializer does), {@code write}/{@code read} methods that handle one property per
 * statement, and a small private helper per collection, map, array, optional or enum type it uses. Shared
 * checks live in the runtime's {@code CodecSupport}, not in every codec.
 */
final class CodecGenerator {

    static final ClassName EVENT_CODEC = ClassName.get("io.factum.event", "EventCodec");
    static final ClassName CODEC_SUPPORT = ClassName.get("io.factum.codec", "CodecSupport");
    static final ClassName JSON_GENERATOR = ClassName.get("tools.jackson.core", "JsonGenerator");
    static final ClassName JSON_PARSER = ClassName.get("tools.jackson.core", "JsonParser");
    static final ClassName JSON_TOKEN = ClassName.get("tools.jackson.core", "JsonToken");
    static final ClassName SERIALIZED_STRING = ClassName.get("tools.jackson.core.io", "SerializedString");
    static final ClassName NAME_MATCHER = ClassName.get("tools.jackson.core.sym", "PropertyNameMatcher");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
    static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

    // Parameter names shared by every generated method, so helpers compose without renaming.
    static final String GENERATOR = "generator";
    static final String PARSER = "parser";
    static final String EVENT_TYPE = "eventType";
    static final String VALUE = "value";

    /** The codec's source file. Same model, same bytes. */
    JavaFile generate(RecordCodecModel model) {
        return new CodecWriter(model).javaFile();
    }

    /** State of one codec being written: its field names and the helper methods it needs so far. */
    static final class CodecWriter {
        final RecordCodecModel model;
        final Map<String, String> nameConstants = new LinkedHashMap<>();
        /** Per property, the field holding its name's bytes as the byte-level half writes them. */
        final Map<String, String> jsonNameConstants = new LinkedHashMap<>();
        /** Per enum the codec reads or writes, the field holding its constants' JSON strings (by ordinal). */
        final Map<ClassName, String> enumConstants = new LinkedHashMap<>();
        /** Helper methods by name, in order of first use; a null value is a helper being written. */
        final Map<String, MethodSpec> helpers = new LinkedHashMap<>();
        /** The type each helper name stands for, so two types never share a name. */
        private final Map<String, TypeName> helperTypes = new LinkedHashMap<>();
        /** The sealing and opening of {@code @PersonalData} properties, shared by both halves. */
        final PersonalDataMethods personalData = new PersonalDataMethods(this);

        CodecWriter(RecordCodecModel model) {
            this.model = model;
            NameAllocator fields = new NameAllocator();
            fields.newName("INSTANCE");
            fields.newName("TYPE");
            fields.newName("NAMES");
            fields.newName(CodecBytesMethods.NAME_TABLE);
            for (PropertyModel property : model.properties()) {
                nameConstants.put(property.name(), fields.newName(GeneratedNames.constantName(property.name())));
            }
            for (PropertyModel property : model.properties()) {
                jsonNameConstants.put(property.name(),
                        fields.newName(GeneratedNames.constantName(property.name()) + "_JSON"));
            }
            for (PropertyModel property : model.properties()) {
                collectEnums(property.type(), fields);
            }
        }

        private void collectEnums(PropertyType type, NameAllocator fields) {
            if (type instanceof PropertyType.EnumType enumType && !enumConstants.containsKey(enumType.type())) {
                enumConstants.put(enumType.type(), fields.newName(
                        GeneratedNames.constantName(String.join("", enumType.type().simpleNames())) + "_CONSTANTS"));
            } else if (type instanceof PropertyType.Container container) {
                collectEnums(container.contained(), fields);
            } else if (type instanceof PropertyType.ArrayType array) {
                collectEnums(array.element(), fields);
            }
        }

        JavaFile javaFile() {
            ClassName codec = model.codecClass();
            ClassName record = model.recordClass();
            TypeSpec.Builder type = GeneratedCode.classBuilder(codec)
                    .addJavadoc("Reads and writes {@link $T} as JSON. Generated by Factum from the record's components;"
                            + " do not edit.\n", record)
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addSuperinterface(ParameterizedTypeName.get(EVENT_CODEC, record));

            type.addField(FieldSpec.builder(codec, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T()", codec)
                    .build());
            type.addField(FieldSpec.builder(String.class, "TYPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Names the record in errors, unless it is nested in another event.\n")
                    .initializer("$S", model.typeLabel())
                    .build());
            for (PropertyModel property : model.properties()) {
                type.addField(FieldSpec.builder(SERIALIZED_STRING, nameConstants.get(property.name()),
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($S)", SERIALIZED_STRING, property.name())
                        .build());
            }
            if (!model.properties().isEmpty()) {
                CodeBlock names = model.properties().stream()
                        .map(property -> CodeBlock.of("$S", property.name()))
                        .collect(CodeBlock.joining(", "));
                type.addField(FieldSpec.builder(NAME_MATCHER, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Matches each property name to its index in declaration order.\n")
                        .initializer("$T.names($L)", CODEC_SUPPORT, names)
                        .build());
            }

            personalData.addFields(type);
            type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
            type.addMethod(MethodSpec.methodBuilder("write")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(JSON_GENERATOR, GENERATOR)
                    .addParameter(record, VALUE)
                    .addStatement("write($N, $N, TYPE)", GENERATOR, VALUE)
                    .build());
            type.addMethod(writeMethod());
            type.addMethod(MethodSpec.methodBuilder("read")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(record)
                    .addParameter(JSON_PARSER, PARSER)
                    .addStatement("return read($N, TYPE)", PARSER)
                    .build());
            type.addMethod(new CodecReadMethods(this).readMethod());
            new CodecBytesMethods(this).addTo(type);
            type.addMethods(helpers.values());

            return GeneratedCode.file(codec, type.build());
        }

        // ------------------------------------------------------------ write

        /** Names for a method's locals that never shadow a field of the codec or one of {@code parameters}. */
        NameAllocator localNames(String... parameters) {
            NameAllocator names = new NameAllocator();
            for (String field : List.of("INSTANCE", "TYPE", "NAMES", CodecBytesMethods.NAME_TABLE)) {
                names.newName(field);
            }
            nameConstants.values().forEach(names::newName);
            jsonNameConstants.values().forEach(names::newName);
            enumConstants.values().forEach(names::newName);
            for (String parameter : parameters) {
                names.newName(parameter);
            }
            return names;
        }

        private MethodSpec writeMethod() {
            NameAllocator locals = localNames(GENERATOR, VALUE, EVENT_TYPE);
            CodeBlock.Builder body = CodeBlock.builder();
            body.addStatement("$N.writeStartObject($N)", GENERATOR, VALUE);
            for (PropertyModel property : model.properties()) {
                body.addStatement("$N.writeName($N)", GENERATOR, nameConstants.get(property.name()));
                CodeBlock accessor = CodeBlock.of("$N.$N()", VALUE, property.name());
                if (PersonalDataMethods.isPersonal(property)) {
                    body.add(personalData.write(property, GENERATOR, locals.newName(property.name()), CodecWriter::required));
                } else if (property.primitive()) {
                    body.add(writeValue(property.type(), accessor));
                } else if (property.presence() == Presence.NULLABLE) {
                    String local = locals.newName(property.name());
                    body.addStatement("$T $N = $L", property.type().typeName(), local, accessor);
                    body.beginControlFlow("if ($N == null)", local)
                            .addStatement("$N.writeNull()", GENERATOR)
                            .nextControlFlow("else")
                            .add(writeValue(property.type(), CodeBlock.of("$N", local)))
                            .endControlFlow();
                } else {
                    body.add(writeValue(property.type(), required(accessor)));
                }
            }
            body.addStatement("$N.writeEndObject()", GENERATOR);
            return MethodSpec.methodBuilder("write")
                    .addJavadoc("Writes {@code $N}, naming {@code $N} in errors: the event it is part of.\n", VALUE, EVENT_TYPE)
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(JSON_GENERATOR, GENERATOR)
                    .addParameter(model.recordClass(), VALUE)
                    .addParameter(String.class, EVENT_TYPE)
                    .addCode(body.build())
                    .build();
        }

        private static CodeBlock required(CodeBlock value) {
            return CodeBlock.of("$T.required($L, $N, $N)", CODEC_SUPPORT, value, GENERATOR, EVENT_TYPE);
        }

        /** Statements writing the non-null {@code value} (an expression evaluated exactly once). */
        CodeBlock writeValue(PropertyType type, CodeBlock value) {
            if (type instanceof PropertyType.Scalar scalar) {
                ScalarKind kind = scalar.kind();
                return kind.writtenBySupport()
                        ? CodeBlock.builder().addStatement(kind.writeFormat(), CODEC_SUPPORT, GENERATOR, value).build()
                        : CodeBlock.builder().addStatement(kind.writeFormat(), GENERATOR, value).build();
            }
            if (type instanceof PropertyType.EnumType) {
                return CodeBlock.builder().addStatement("$N.writeString($L.name())", GENERATOR, value).build();
            }
            if (type instanceof PropertyType.BinaryType) {
                return CodeBlock.builder().addStatement("$N.writeBinary($L)", GENERATOR, value).build();
            }
            if (type instanceof PropertyType.RecordType nested) {
                return CodeBlock.builder()
                        .addStatement("$T.INSTANCE.write($N, $L, $N)", nested.codec(), GENERATOR, value, EVENT_TYPE)
                        .build();
            }
            String helper = writeHelper(type);
            return CodeBlock.builder().addStatement("$N($N, $L, $N)", helper, GENERATOR, value, EVENT_TYPE).build();
        }

        private String writeHelper(PropertyType type) {
            String name = helperName("write", type);
            if (helpers.containsKey(name)) {
                return name;
            }
            helpers.put(name, null);  // reserve the name (and the position) before writing nested helpers
            String parameter = type instanceof PropertyType.OptionalType ? VALUE : "values";
            CodeBlock.Builder body = CodeBlock.builder();
            if (type instanceof PropertyType.ListType list) {
                writeElements(body, list.contained(), list.contained().typeName().box());
            } else if (type instanceof PropertyType.SetType set) {
                writeElements(body, set.contained(), set.contained().typeName().box());
            } else if (type instanceof PropertyType.ArrayType array) {
                writeElements(body, array.element(), array.element().typeName());
            } else if (type instanceof PropertyType.MapType map) {
                TypeName entry = ParameterizedTypeName.get(MAP.nestedClass("Entry"), ClassName.get(String.class),
                        map.contained().typeName().box());
                body.addStatement("$N.writeStartObject(values)", GENERATOR)
                        .beginControlFlow("for ($T entry : values.entrySet())", entry)
                        .addStatement("$N.writeName($T.requiredKey(entry.getKey(), $N, $N))",
                                GENERATOR, CODEC_SUPPORT, GENERATOR, EVENT_TYPE)
                        .add(writeValue(map.contained(), required(CodeBlock.of("entry.getValue()"))))
                        .endControlFlow()
                        .addStatement("$N.writeEndObject()", GENERATOR);
            } else if (type instanceof PropertyType.OptionalType optional) {
                body.beginControlFlow("if ($N.isPresent())", VALUE)
                        .add(writeValue(optional.contained(), CodeBlock.of("$N.get()", VALUE)))
                        .nextControlFlow("else")
                        .addStatement("$N.writeNull()", GENERATOR)
                        .endControlFlow();
            } else {
                throw new IllegalStateException("no write helper for " + type);
            }
            helpers.put(name, MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(JSON_GENERATOR, GENERATOR)
                    .addParameter(type.typeName(), parameter)
                    .addParameter(String.class, EVENT_TYPE)
                    .addCode(body.build())
                    .build());
            return name;
        }

        private void writeElements(CodeBlock.Builder body, PropertyType element, TypeName elementType) {
            CodeBlock each = elementType.isPrimitive()
                    ? CodeBlock.of("element")
                    : CodeBlock.of("$T.requiredElement(element, $N, $N)", CODEC_SUPPORT, GENERATOR, EVENT_TYPE);
            body.addStatement("$N.writeStartArray(values)", GENERATOR)
                    .beginControlFlow("for ($T element : values)", elementType)
                    .add(writeValue(element, each))
                    .endControlFlow()
                    .addStatement("$N.writeEndArray()", GENERATOR);
        }

        /**
         * {@code readListOfOrderLine}: named after the type, so that properties of the same type share a helper.
         * Two types with the same display name (records of the same simple name in two packages) get a suffix.
         */
        String helperName(String verb, PropertyType type) {
            String base = verb + type.displayName();
            String name = base;
            for (int i = 2; helperTypes.containsKey(name) && !helperTypes.get(name).equals(type.typeName()); i++) {
                name = base + i;
            }
            helperTypes.put(name, type.typeName());
            return name;
        }
    }
}
