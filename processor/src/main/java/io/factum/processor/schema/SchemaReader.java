package io.factum.processor.schema;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;

import io.factum.processor.event.EventModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads the JSON shape of an {@code @Event} record, recursively through nested records and containers. */
final class SchemaReader {

    private final Types types;
    private final TypeMirror collection;
    private final TypeMirror map;

    SchemaReader(Elements elements, Types types) {
        this.types = types;
        this.collection = types.erasure(elements.getTypeElement("java.util.Collection").asType());
        this.map = types.erasure(elements.getTypeElement("java.util.Map").asType());
    }

    EventSchema read(TypeElement record, EventModel identity) {
        Map<String, Property> properties = new LinkedHashMap<>();
        Deque<TypeElement> enclosing = new ArrayDeque<>();
        components(null, record, enclosing, properties);
        return new EventSchema(identity.storedName(), identity.version(), record.getQualifiedName().toString(), properties);
    }

    /**
     * Where to report on the top-level component {@code name} of {@code record}: its field, which javac
     * positions on the component in the record header (the component element itself has no position).
     * Null if there is no such component.
     */
    static Element component(TypeElement record, String name) {
        for (Element member : record.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)
                    && !member.getModifiers().contains(Modifier.STATIC)) {
                return member;
            }
        }
        return null;
    }

    private void components(String prefix, TypeElement record, Deque<TypeElement> enclosing, Map<String, Property> out) {
        if (enclosing.contains(record)) {
            return; // a recursive record: its shape is already described above
        }
        enclosing.push(record);
        List<RecordComponentElement> sorted = new ArrayList<>(record.getRecordComponents());
        sorted.sort(Comparator.comparing(component -> component.getSimpleName().toString()));
        for (RecordComponentElement component : sorted) {
            String path = prefix == null ? component.getSimpleName().toString() : prefix + "." + component.getSimpleName();
            TypeMirror type = component.asType();
            boolean nullable = isNullable(record, component);
            // only an event's own components are sealed (elsewhere @PersonalData is a compile error)
            boolean personal = prefix == null && AnnotationMirrors.has(component, FactumAnnotations.PERSONAL_DATA);
            out.put(path, new Property(render(type), nullable, enumConstants(type), nullable || isContainer(type), personal));
            children(path, type, enclosing, out);
        }
        enclosing.pop();
    }

    /** Describes what is inside {@code type}: components of a record, elements of containers. */
    private void children(String path, TypeMirror type, Deque<TypeElement> enclosing, Map<String, Property> out) {
        switch (type.getKind()) {
            case ARRAY -> element(path + "[]", ((ArrayType) type).getComponentType(), enclosing, out);
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                List<? extends TypeMirror> arguments = declared.getTypeArguments();
                if (element.getKind() == ElementKind.RECORD) {
                    components(path, element, enclosing, out);
                } else if (types.isAssignable(types.erasure(type), map) && arguments.size() == 2) {
                    element(path + "{}", arguments.get(1), enclosing, out);
                } else if (types.isAssignable(types.erasure(type), collection) && arguments.size() == 1) {
                    element(path + "[]", arguments.get(0), enclosing, out);
                } else if (isOptional(element) && arguments.size() == 1) {
                    element(path + "?", arguments.get(0), enclosing, out);
                }
            }
            default -> {
                // primitives and anything else have no inner shape
            }
        }
    }

    /** An element inside a container gets its own line only when it is an enum, whose constants matter. */
    private void element(String path, TypeMirror type, Deque<TypeElement> enclosing, Map<String, Property> out) {
        if (isEnum(type)) {
            out.put(path, new Property(Property.ENUM, false, enumConstants(type), false));
        }
        children(path, type, enclosing, out);
    }

    /** The codec's view of a type: records and enums by kind, not by class name, since only their shape is stored. */
    private String render(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> type.getKind().name().toLowerCase(java.util.Locale.ROOT);
            case ARRAY -> render(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                if (element.getKind() == ElementKind.RECORD) {
                    yield Property.RECORD;
                }
                if (element.getKind() == ElementKind.ENUM) {
                    yield Property.ENUM;
                }
                List<String> arguments = new ArrayList<>();
                for (TypeMirror argument : declared.getTypeArguments()) {
                    arguments.add(render(argument));
                }
                String name = element.getQualifiedName().toString();
                yield arguments.isEmpty() ? name : name + "<" + String.join(",", arguments) + ">";
            }
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    yield "? extends " + render(wildcard.getExtendsBound());
                }
                yield wildcard.getSuperBound() != null ? "? super " + render(wildcard.getSuperBound()) : "?";
            }
            default -> type.toString();
        };
    }

    private SortedSet<String> enumConstants(TypeMirror type) {
        SortedSet<String> constants = new TreeSet<>();
        if (isEnum(type)) {
            for (Element member : ((DeclaredType) type).asElement().getEnclosedElements()) {
                if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                    constants.add(member.getSimpleName().toString());
                }
            }
        }
        return constants;
    }

    private boolean isContainer(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> true;
            case DECLARED -> types.isAssignable(types.erasure(type), collection)
                    || types.isAssignable(types.erasure(type), map)
                    || isOptional((TypeElement) ((DeclaredType) type).asElement());
            default -> false;
        };
    }

    private static boolean isEnum(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM;
    }

    private static boolean isOptional(TypeElement element) {
        return element.getQualifiedName().contentEquals("java.util.Optional");
    }

    /**
     * Whether the component carries an annotation named {@code Nullable} (any package: JSpecify, JSR-305,
     * Jakarta...), on the component, its accessor, its field or its type.
     */
    private static boolean isNullable(TypeElement record, RecordComponentElement component) {
        List<AnnotationMirror> annotations = new ArrayList<>(component.getAnnotationMirrors());
        annotations.addAll(component.asType().getAnnotationMirrors());
        if (component.getAccessor() != null) {
            annotations.addAll(component.getAccessor().getAnnotationMirrors());
        }
        for (Element member : record.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(component.getSimpleName())) {
                annotations.addAll(member.getAnnotationMirrors());
            }
        }
        for (AnnotationMirror annotation : annotations) {
            if (annotation.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
