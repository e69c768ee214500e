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

    /** An enum, written by {@code name()}. */
    record EnumType(ClassName type) implements PropertyType {
        @Override
        public TypeName typeName() {
            return type;
        }

        @Override
        public String displayName() {
            return String.join("", type.simpleNames());
        }
    }

    /** A nested record, written as an object by its own generated codec. */
    record RecordType(ClassName type, ClassName codec) implements PropertyType {
        @Override
        public TypeName typeName() {
            return type;
        }

        @Override
        public String displayName() {
            return String.join("", type.simpleNames());
        }
    }

    /** {@code List<T>}: a JSON array, read into an unmodifiable list. */
    record ListType(PropertyType element) implements PropertyType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "List"), element.typeName().box());
        }

        @Override
        public String displayName() {
            return "ListOf" + element.displayName();
        }
    }

    /** {@code Set<T>}: a JSON array, read into an unmodifiable set that keeps the array's order. */
    record SetType(PropertyType element) implements PropertyType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Set"), element.typeName().box());
        }

        @Override
        public String displayName() {
            return "SetOf" + element.displayName();
        }
    }

    /** {@code Map<String, V>}: a JSON object, read into an unmodifiable map that keeps the object's order. */
    record MapType(PropertyType value) implements PropertyType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Map"), ClassName.get(String.class),
                    value.typeName().box());
        }

        @Override
        public String displayName() {
            return "MapOf" + value.displayName();
        }
    }

    /** {@code Optional<T>}: the value, or JSON {@code null} when empty. */
    record OptionalType(PropertyType value) implements PropertyType {
        @Override
        public TypeName typeName() {
            return ParameterizedTypeName.get(ClassName.get("java.util", "Optional"), value.typeName().box());
        }

        @Override
        public String displayName() {
            return "OptionalOf" + value.displayName();
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
