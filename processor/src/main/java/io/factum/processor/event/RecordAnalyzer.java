package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.Message;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
import io.factum.processor.event.PropertyModel.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a record's components into a {@link RecordCodecModel}, reporting every component whose type the codec
 * cannot encode on that component. Each record is analysed once per compilation (results are cached across
 * rounds), and the records its components use are returned so the caller can analyse them in turn.
 */
final class RecordAnalyzer {

    /**
     * One record's own components, analysed.
     *
     * @param model                    the codec model; null if a component has errors or is unresolved
     * @param unresolved               a component's type is not known yet (perhaps generated in a later round),
     *                                 and nothing else is wrong
     * @param nestedRecordsByComponent the records each component's type uses, by component name
     */
    record Analysis(RecordCodecModel model, boolean unresolved, Map<String, Set<TypeElement>> nestedRecordsByComponent) {

        boolean valid() {
            return model != null;
        }
    }

    private final Reporter reporter;
    private final Map<String, Analysis> analysed = new HashMap<>();

    RecordAnalyzer(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Analyses {@code record}'s own components; nested records are returned, not followed. Errors are reported
     * once, the first time. Unresolved results are not cached, so the next round tries again.
     */
    Analysis analyse(TypeElement record) {
        String key = record.getQualifiedName().toString();
        Analysis cached = analysed.get(key);
        if (cached != null) {
            return cached;
        }
        Analysis analysis = analyseComponents(record);
        if (!analysis.unresolved()) {
            analysed.put(key, analysis);
        }
        return analysis;
    }

    /**
     * Where to report a problem with {@code component}: javac (17) gives record component elements no source
     * position, but the record's private field of the same name is declared by the component in the record header.
     */
    static Element positionOf(RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                return field;
            }
        }
        return component;
    }

    /** The first component of {@code record} whose type is unresolved, for the report at the end. */
    RecordComponentElement firstUnresolvedComponent(TypeElement record) {
        for (RecordComponentElement component : record.getRecordComponents()) {
            try {
                shapeOf(component.asType(), record, new LinkedHashSet<>());
            } catch (Unresolved e) {
                return component;
            } catch (Unsupported e) {
                // reported already
            }
        }
        return null;
    }

    private Analysis analyseComponents(TypeElement record) {
        boolean errors = false;
        boolean unresolved = false;
        List<PropertyModel> properties = new ArrayList<>();
        Map<String, Set<TypeElement>> nested = new HashMap<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            String name = component.getSimpleName().toString();
            Set<TypeElement> nestedRecords = new LinkedHashSet<>();
            try {
                PropertyType type = shapeOf(component.asType(), record, nestedRecords);
                Presence presence = presenceOf(component, type);
                if (presence == null) {
                    errors = true;
                } else {
                    properties.add(new PropertyModel(name, type, presence));
                }
                nested.put(name, nestedRecords);
            } catch (Unsupported e) {
                reporter.error(positionOf(component), Message.UNSUPPORTED_TYPE, name, component.asType(), e.getMessage());
                errors = true;
            } catch (Unresolved e) {
                unresolved = true;
            }
        }
        if (errors || unresolved) {
            // Errors are final (and reported once); only an otherwise clean record is worth retrying.
            return new Analysis(null, unresolved && !errors, Map.of());
        }
        ClassName recordClass = ClassName.get(record);
        return new Analysis(new RecordCodecModel(recordClass, Names.codecOf(recordClass), typeLabel(record), properties),
                false, nested);
    }

    /** Events are named by their stored name in errors; nested records by their simple name. */
    private static String typeLabel(TypeElement record) {
        EventModel identity = EventModel.identityOf(record);
        return identity != null ? identity.storedName() : record.getSimpleName().toString();
    }

    /** Null (after reporting) when the component's nullability makes no sense. */
    private Presence presenceOf(RecordComponentElement component, PropertyType type) {
        if (type instanceof PropertyType.OptionalType) {
            return Presence.OPTIONAL;
        }
        if (isNullable(component)) {
            if (type instanceof PropertyType.Scalar scalar && scalar.primitive()) {
                reporter.error(positionOf(component), Message.NULLABLE_PRIMITIVE, component.getSimpleName(),
                        component.asType(), scalar.kind().boxed().simpleName());
                return null;
            }
            return Presence.NULLABLE;
        }
        if (type instanceof PropertyType.ListType || type instanceof PropertyType.SetType
                || type instanceof PropertyType.MapType || type instanceof PropertyType.ArrayType
                || type instanceof PropertyType.BinaryType) {
            return Presence.EMPTY_WHEN_ABSENT;
        }
        return Presence.REQUIRED;
    }

    /** Any annotation named {@code Nullable} (JSpecify, JSR-305, Jakarta, JetBrains, ...), on the declaration or the type. */
    private static boolean isNullable(RecordComponentElement component) {
        List<AnnotationMirror> annotations = new ArrayList<>(component.getAnnotationMirrors());
        annotations.addAll(component.asType().getAnnotationMirrors());
        if (component.getAccessor() != null) {
            annotations.addAll(component.getAccessor().getAnnotationMirrors());
        }
        for (AnnotationMirror annotation : annotations) {
            if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shape of {@code type}, adding the records it uses to {@code nestedRecords}.
     *
     * @param owner the record whose codec refers to the type (for accessibility)
     */
    private PropertyType shapeOf(TypeMirror type, TypeElement owner, Set<TypeElement> nestedRecords) {
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
                throw new Unresolved();
            case TYPEVAR:
                throw new Unsupported("it is a type variable, and a stored event needs concrete types");
            case WILDCARD:
                throw new Unsupported("wildcards are not supported; write List<OrderLine> rather than"
                        + " List<? extends OrderLine>");
            default:
                throw new Unsupported("it is not a supported type");
        }
    }

    private PropertyType arrayShape(ArrayType array, TypeElement owner, Set<TypeElement> nestedRecords) {
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

    private PropertyType declaredShape(DeclaredType type, TypeElement owner, Set<TypeElement> nestedRecords) {
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
                        throw new Unresolved();
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
            return new PropertyType.RecordType(recordClass, Names.codecOf(recordClass));
        }
        if (element.getKind() == ElementKind.INTERFACE) {
            throw new Unsupported("it is an interface, and a codec must know which class to create on read");
        }
        throw new Unsupported("the codec generator knows no JSON form for " + name);
    }

    private PropertyType onlyArgument(DeclaredType type, String example, TypeElement owner, Set<TypeElement> nested) {
        if (type.getTypeArguments().isEmpty()) {
            throw new Unsupported("it is a raw type; declare its element type, e.g. " + example);
        }
        return argument(type.getTypeArguments().get(0), owner, nested);
    }

    private PropertyType argument(TypeMirror argument, TypeElement owner, Set<TypeElement> nested) {
        if (argument.getKind().isPrimitive()) {
            throw new Unsupported("it has a primitive type argument");  // cannot happen in valid Java
        }
        return shapeOf(argument, owner, nested);
    }

    /** The codec of {@code owner} lives in {@code owner}'s package and must be able to name {@code type}. */
    private static void requireAccessible(TypeElement type, TypeElement owner, String what) {
        String problem = accessProblem(type, packageOf(owner));
        if (problem != null) {
            throw new Unsupported("the " + what + " " + type.getSimpleName() + " " + problem);
        }
    }

    /**
     * Why code in package {@code fromPackage} cannot name {@code type}, as a fix ("is private; ..."), or null.
     */
    static String accessProblem(TypeElement type, String fromPackage) {
        boolean samePackage = packageOf(type).equals(fromPackage);
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return (t == type ? "is private" : "is nested in the private type " + t.getSimpleName())
                        + "; make it package-private or public";
            }
            if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
                return (t == type ? "is not public" : "is nested in the non-public type " + t.getSimpleName())
                        + " and lives in another package; make it public";
            }
            Element enclosing = t.getEnclosingElement();
            if (!(enclosing instanceof TypeElement) && !(enclosing instanceof PackageElement)) {
                return "is declared inside a method; move it to a top-level or member declaration";
            }
        }
        return null;
    }

    static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** A component type the codec generator cannot handle; the message says why. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A component type javac could not resolve (yet): the record is retried in the next round. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved() {
            super(null, null, false, false);
        }
    }
}
