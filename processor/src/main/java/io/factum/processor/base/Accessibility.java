package io.factum.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Whether generated code in some package can name a type: every generated class lives in a package
 * and calls user code from there, so this is the one place that answers it.
 */
public final class Accessibility {

    private Accessibility() {}

    /** The package of {@code element}, e.g. {@code com.acme.ordering} ("" for the unnamed package). */
    public static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** Whether a type in the same package can name {@code type}: neither it nor an enclosing type is private. */
    public static boolean isVisibleInPackage(TypeElement type) {
        return privateTypes(type).isEmpty();
    }

    /** {@code type} and the types enclosing it that are private, innermost first. */
    public static List<TypeElement> privateTypes(TypeElement type) {
        List<TypeElement> found = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                found.add(t);
            }
        }
        return found;
    }

    /** Whether code in {@code fromPackage} can name {@code type}. */
    public static boolean isAccessible(TypeElement type, String fromPackage) {
        if (packageOf(type).equals(fromPackage)) {
            return isVisibleInPackage(type);
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why code in package {@code fromPackage} cannot name {@code type}, as a fix ("is private; ..."), or null.
     */
    public static String accessProblem(TypeElement type, String fromPackage) {
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
}
