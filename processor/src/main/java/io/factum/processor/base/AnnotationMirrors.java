package io.factum.processor.base;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reading annotations by name from source or class files: which mirror, which value. */
public final class AnnotationMirrors {

    private AnnotationMirrors() {}

    /** The mirror of annotation {@code qualifiedName} on {@code element}, or null. */
    public static AnnotationMirror find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    /**
     * Whether a method of {@code type} carries an annotation in its source that javac could not resolve
     * (misspelt, not imported): javac leaves it out of the element's mirrors and reports it itself, so
     * Factum should not guess what it was meant to be. False where javac's tree API is unavailable.
     */
    public static boolean anyUnresolvedOnMethods(ProcessingEnvironment env, TypeElement type) {
        try {
            Trees trees = Trees.instance(env);
            for (Element member : type.getEnclosedElements()) {
                if (member instanceof ExecutableElement method) {
                    MethodTree tree = trees.getTree(method);
                    if (tree != null && tree.getModifiers().getAnnotations().size() > method.getAnnotationMirrors().size()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code element} carries annotation {@code qualifiedName}. */
    public static boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName) != null;
    }

    /** The value of {@code name} in {@code mirror}, with defaults applied, or null. */
    public static Object value(AnnotationMirror mirror, String name) {
        AnnotationValue written = writtenValue(mirror, name);
        if (written != null) {
            return written.getValue();
        }
        for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
            if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
                AnnotationValue def = method.getDefaultValue();
                return def == null ? null : def.getValue();
            }
        }
        return null;
    }

    /** The {@link AnnotationValue} of {@code name} as written in {@code mirror} (for precise error positions), or null. */
    public static AnnotationValue writtenValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The entries of an array value as written: javac gives a list; a lone value counts as one entry. */
    public static List<? extends AnnotationValue> entries(AnnotationValue array) {
        return array.getValue() instanceof List<?> list ? asValues(list) : List.of(array);
    }

    /** The entries of array-valued member {@code name}, with defaults applied; empty if it is not an array. */
    public static List<? extends AnnotationValue> listValue(AnnotationMirror mirror, String name) {
        return value(mirror, name) instanceof List<?> list ? asValues(list) : List.of();
    }

    @SuppressWarnings("unchecked") // javac represents array-valued annotation members as a list of values
    private static List<? extends AnnotationValue> asValues(List<?> list) {
        return (List<? extends AnnotationValue>) list;
    }
}
