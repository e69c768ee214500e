package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.MissingTypeException;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The JSON shape of one component type: which {@link PropertyType} the codec generator writes for it, or why
 * there is none ({@link Unsupported}, with a message that names the fix). A type javac has not resolved yet
 * throws {@link MissingTypeException}, so the event is retried in the next round.
 */
final class ComponentTypes {

    private ComponentTypes() {}

    /**
     * The shape of {@code type}, adding the records it uses to {@code nestedRecords}.
     *
     * @param owner the record whose codec refers to the type (for accessibility)
     */
    static PropertyType shapeOf(TypeMirror type, TypeElement owner, Set<TypeElement> nestedRecords) {
        switch (type.getKind()) {
            case BOOLEAN:
                return new PropertyType.Scalar(ScalarKind.BOOLEAN, true);
            case CHAR:
                return new PropertyType.Scalar(ScalarKind.CHAR, true);
            case BYTE:
                return new PropertyType.Scalar(ScalarKind.BYTE, true);
            case SHORT:
                return new PropertyType.Scalar(ScalarKind.SHORT, true);
            case INT:
                return new PropertyType.Scalar(ScalarKind.INT, true);
            case LONG:
                return new PropertyType.Scalar(ScalarKind.LONG, true);
            case FLOAT:
                return new PropertyType.Scalar(ScalarKind.FLOAT, true);
            case DOUBLE:
                return new PropertyType.Scalar(ScalarKind.DOUBLE, true);
            case ARRAY:
                return arrayShape((ArrayType) type, owner, nestedRecords);
            case DECLARED:
                return declaredShape((DeclaredType) type, owner, nestedRecords);
            case ERROR:
                throw new MissingTypeException(null, String.valueOf(type));
            case TYPEVAR:
                throw new Unsupported("it is a type variable, and a stored event needs concrete types");
            case WILDCARD:
                throw new Unsupported("wildcards are not supported; write List<OrderLine> rather than"
                        + " List<? extends OrderLine>");
            default:
                throw new Unsupported("it is not a supported type");
        }
    }

    private static PropertyType arrayShape(ArrayType array, TypeElement owner, Set<TypeElement> nestedRecords) {
        TypeMirror component = array.getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
            return new PropertyType.BinaryType();
        }
        if (component.getKind() == TypeKind.CHAR) {
            throw new Unsupported("char[] is not supported; use a String");
        }
        if (component.getKind() == TypeKind.ARRAY) {
            throw new Unsupported("multi-dimensional arrays are not supported; use a List of arrays or of records");
        }
        if (component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty()) {
            throw new Unsupported("arrays of generic types cannot be created safely; use a List instead");
        }
        PropertyType element = shapeOf(component, owner, nestedRecords);
        if (element instanceof PropertyType.OptionalType) {
            throw new Unsupported("arrays of Optional are not supported; use a List instead");
        }
        return new PropertyType.ArrayType(element);
    }

    private static PropertyType declaredShape(DeclaredType type, TypeElement owner, Set<TypeElement> nestedRecords) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        ScalarKind scalar = ScalarKind.ofClass(name);
        if (scalar != null) {
            return new PropertyType.Scalar(scalar, false);
        }
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        switch (name) {
            case "java.util.List":
                return new PropertyType.ListType(onlyArgument(type, "List<String>", owner, nestedRecords));
            case "java.util.Set":
                return new PropertyType.SetType(onlyArgument(type, "Set<String>", owner, nestedRecords));
            case "java.util.Optional":
                return new PropertyType.OptionalType(onlyArgument(type, "Optional<String>", owner, nestedRecords));
            case "java.util.Map":
                if (arguments.isEmpty()) {
                    throw new Unsupported("it is a raw type; declare its key and value types, e.g. Map<String, Integer>");
                }
                TypeMirror key = arguments.get(0);
                if (key.getKind() != TypeKind.DECLARED
                        || !((TypeElement) ((DeclaredType) key).asElement()).getQualifiedName().contentEquals("java.lang.String")) {
                    if (key.getKind() == TypeKind.ERROR) {
                        throw new MissingTypeException(null, String.valueOf(type));
                    }
                    throw new Unsupported("map keys must be String, since JSON object names are strings; use"
                            + " Map<String, V> or a List of records holding the key");
                }
                return new PropertyType.MapType(argument(arguments.get(1), owner, nestedRecords));
            default:
                break;
        }
        if (element.getKind() == ElementKind.ENUM) {
            requireAccessible(element, owner, "enum");
            return new PropertyType.EnumType(ClassName.get(element));
        }
        if (element.getKind() == ElementKind.RECORD) {
            requireAccessible(element, owner, "record");
            if (!element.getTypeParameters().isEmpty()) {
                throw new Unsupported("generic records are not supported as component types; declare a record"
                        + " with concrete component types");
            }
            nestedRecords.add(element);
            ClassName recordClass = ClassName.get(element);
            return new PropertyType.RecordType(recordClass, GeneratedNames.codecOf(recordClass));
        }
        if (element.getKind() == ElementKind.INTERFACE) {
            throw new Unsupported("it is an interface, and a codec must know which class to create on read");
        }
        throw new Unsupported("the codec generator knows no JSON form for " + name);
    }

    private static PropertyType onlyArgument(DeclaredType type, String example, TypeElement owner, Set<TypeElement> nested) {
        if (type.getTypeArguments().isEmpty()) {
            throw new Unsupported("it is a raw type; declare its element type, e.g. " + example);
        }
        return argument(type.getTypeArguments().get(0), owner, nested);
    }

    private static PropertyType argument(TypeMirror argument, TypeElement owner, Set<TypeElement> nested) {
        if (argument.getKind().isPrimitive()) {
            throw new Unsupported("it has a primitive type argument");  // cannot happen in valid Java
        }
        return shapeOf(argument, owner, nested);
    }

    /** The codec of {@code owner} lives in {@code owner}'s package and must be able to name {@code type}. */
    private static void requireAccessible(TypeElement type, TypeElement owner, String what) {
        String problem = Accessibility.accessProblem(type, Accessibility.packageOf(owner));
        if (problem != null) {
            throw new Unsupported("the " + what + " " + type.getSimpleName() + " " + problem);
        }
    }

    /** A component type the codec generator cannot handle; the message says why. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }
}
