package io.factum.processor.base;

import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Small questions about elements that several steps ask, and how messages name elements. */
public final class ElementChecks {

    private ElementChecks() {}

    /** Whether {@code thrown} is a checked exception type: neither a {@code RuntimeException} nor an {@code Error}. */
    public static boolean isChecked(TypeMirror thrown, Types types, Elements elements) {
        TypeMirror runtimeException = elements.getTypeElement(RuntimeException.class.getCanonicalName()).asType();
        TypeMirror error = elements.getTypeElement(Error.class.getCanonicalName()).asType();
        return !types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error);
    }

    /** "an interface", "an enum", ...: for messages. */
    public static String describeKind(TypeElement type) {
        ElementKind kind = type.getKind();
        switch (kind) {
            case INTERFACE:
                return "an interface";
            case ENUM:
                return "an enum";
            case RECORD:
                return "a record";
            case ANNOTATION_TYPE:
                return "an annotation type";
            default:
                return type.getModifiers().contains(Modifier.ABSTRACT) ? "an abstract class" : "a class";
        }
    }

    /** {@code on(OrderCreated)}: a method as messages show it. */
    public static String describe(ExecutableElement method) {
        StringJoiner parameters = new StringJoiner(", ", method.getSimpleName() + "(", ")");
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(simpleName(parameter.asType()));
        }
        return parameters.toString();
    }

    /** The element as an error message names it: {@code on(OrderCreated)}, {@code parameter event of on(OrderCreated)}, {@code Order}. */
    public static String describeAny(Element element) {
        if (element instanceof ExecutableElement method) {
            return describe(method);
        }
        if (element instanceof VariableElement variable && variable.getEnclosingElement() instanceof ExecutableElement method) {
            return "parameter " + variable.getSimpleName() + " of " + describe(method);
        }
        return element.getSimpleName().toString();
    }

    /** The simple name of a declared type, or the type as javac prints it. */
    public static String simpleName(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            return ((DeclaredType) type).asElement().getSimpleName().toString();
        }
        return type.toString();
    }
}
