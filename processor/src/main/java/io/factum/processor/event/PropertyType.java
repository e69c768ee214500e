package io.factum.processor.event;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The shape of a record component's type, as far as its JSON form goes: a tree that mirrors the Java
 * type ({@code List<Map<String, List<OrderLine>>>} is a list of maps of lists of a record).
 */
sealed interface PropertyType {

    /** The Java type this shape stands for. */
    TypeName typeName();

    /** A name for generated helper methods, e.g. {@code ListOfOrderLine}. */
    String displayName();

    /** {@code String}, a number, a boolean or a char, and the value types written as strings. */
    record Scalar(ScalarKind kind, boolean primitive) implements PropertyType {
        @Override
        public TypeName typeName() {
            return primitive ? kind.primitive() : kind.boxed();
        }

        @Override
        public String displayName() {
            return kind.displayName();
        }
    }

    /** A type the user declared, an enum or a record; helpers name it by its nesting, e.g. {@code OrderLine}. */
    sealed interface Declared extends PropertyType permits EnumType, RecordType {
        ClassName type();

        @Override
        default TypeName typeName() {
            return type();
        }

        @Override
        default String displayName() {
            return String.join("", type().simpleNames());
        }
    }

    /** An enum, written by {@code name()}. */
    record EnumType(ClassName type) implements Declared {}

    /** A nested record, written as an object by its own generated codec. */
    record RecordType(ClassName type, ClassName codec) implements Declared {}

    /**
     * A {@code java.util} type around one other shape: {@code List<T>}, {@code Set<T>}, {@code Optional<T>}, or
     * {@code Map<String, T>}, whose keys are always strings. Helpers are named e.g. {@code ListOfOrderLine}.
     */
    sealed interface Container extends PropertyType permits ListType, SetType, MapType, OptionalType {
        /** The shape inside: the element, or the value of a map or an optional. */
        PropertyType contained();

        /** The simple name of the {@code java.util} type, e.g. {@code List}. */
        String rawName();

        @Override
        default TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", rawName()), contained().typeName().box());
        }

        @Override
        default String displayName() {
            return rawName() + "Of" + contained().displayName();
        }
    }

    /** {@code List<T>}: a JSON array, read into an unmodifiable list. */
    record ListType(PropertyType contained) implements Container {
        @Override
        public String rawName() {
            return "List";
        }
    }

    /** {@code Set<T>}: a JSON array, read into an unmodifiable set that keeps the array's order. */
    record SetType(PropertyType contained) implements Container {
        @Override
        public String rawName() {
            return "Set";
        }
    }

    /** {@code Map<String, V>}: a JSON object, read into an unmodifiable map that keeps the object's order. */
    record MapType(PropertyType contained) implements Container {
        @Override
        public String rawName() {
            return "Map";
        }

        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", rawName()), ClassName.get(String.class),
                    contained.typeName().box());
        }
    }

    /** {@code Optional<T>}: the value, or JSON {@code null} when empty. */
    record OptionalType(PropertyType contained) implements Container {
        @Override
        public String rawName() {
            return "Optional";
        }
    }

    /** {@code T[]} of a non-generic element type (primitives included, {@code byte} excepted): a JSON array. */
    record ArrayType(PropertyType element) implements PropertyType {
        @Override
        public TypeName typeName() {
            return ArrayTypeName.of(element.typeName());
        }

        @Override
        public String displayName() {
            return element.displayName() + "Array";
        }
    }

    /** {@code byte[]}: a base64 string, as Jackson writes it. */
    record BinaryType() implements PropertyType {
        @Override
        public TypeName typeName() {
            return ArrayTypeName.of(TypeName.BYTE);
        }

        @Override
        public String displayName() {
            return "Binary";
        }
    }
}
