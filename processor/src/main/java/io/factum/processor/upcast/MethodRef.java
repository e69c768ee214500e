package io.factum.processor.upcast;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A method remembered by name, so that it can be found again in a later round: javac may hand out
 * new element objects each round, so checks that need the whole compilation re-resolve what they report on.
 *
 * @param typeName       the qualified name of the declaring type
 * @param methodName     the method's simple name
 * @param parameterTypes the erasures of its parameter types
 */
public record MethodRef(String typeName, String methodName, List<String> parameterTypes) {

    public static MethodRef of(ExecutableElement method, Types types) {
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(types.erasure(parameter.asType()).toString());
        }
        TypeElement type = (TypeElement) method.getEnclosingElement();
        return new MethodRef(type.getQualifiedName().toString(), method.getSimpleName().toString(), List.copyOf(parameters));
    }

    /** The method in the current round, or null if it is gone. */
    public ExecutableElement resolve(Elements elements, Types types) {
        TypeElement type = elements.getTypeElement(typeName);
        if (type == null) {
            return null;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getKind() == ElementKind.METHOD && matches(of(method, types))) {
                return method;
            }
        }
        return null;
    }

    /**
     * Same method. A parameter type that did not resolve when this reference was taken (javac then names it
     * as written, e.g. {@code OrderCreatedV1}) matches its qualified name once the type exists.
     */
    private boolean matches(MethodRef now) {
        if (!typeName.equals(now.typeName) || !methodName.equals(now.methodName)
                || parameterTypes.size() != now.parameterTypes.size()) {
            return false;
        }
        for (int i = 0; i < parameterTypes.size(); i++) {
            String then = parameterTypes.get(i);
            String current = now.parameterTypes.get(i);
            if (!current.equals(then) && !current.endsWith("." + then)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Type.method(Param)}, as used in messages. */
    public String display() {
        List<String> simple = new ArrayList<>();
        for (String parameter : parameterTypes) {
            simple.add(parameter.substring(parameter.lastIndexOf('.') + 1));
        }
        return typeName.substring(typeName.lastIndexOf('.') + 1) + "." + methodName + "(" + String.join(", ", simple) + ")";
    }

    /** {@code Type.method(Param)} for an element at hand. */
    public static String display(ExecutableElement method, Types types) {
        return of(method, types).display();
    }
}
