package io.factum.processor.aggregate;

import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.event.EventFamilies;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * An aggregate's classes from itself up to {@code AggregateRoot}: the aggregate may extend abstract base classes
 * whose {@code @Apply} methods handle shared events, and its event family is {@code AggregateRoot}'s type
 * argument as the chain binds it.
 *
 * @param classes the aggregate, then each superclass below {@code AggregateRoot}, nearest first
 * @param root    {@code AggregateRoot<E>} as the aggregate sees it (type arguments substituted), or null when the
 *                chain does not reach {@code AggregateRoot}
 */
record AggregateHierarchy(List<TypeElement> classes, DeclaredType root) {

    /**
     * The chain of {@code aggregate}.
     *
     * @throws MissingTypeException if a superclass is not resolved yet
     */
    static AggregateHierarchy of(TypeElement aggregate, Types types) {
        List<TypeElement> classes = new ArrayList<>(List.of(aggregate));
        TypeMirror current = aggregate.asType();
        while (true) {
            List<? extends TypeMirror> supertypes = types.directSupertypes(current);
            if (supertypes.isEmpty()) {
                return new AggregateHierarchy(classes, null);
            }
            TypeMirror superclass = supertypes.get(0); // a class's superclass comes first, with type arguments bound
            TypeElement element = EventFamilies.typeElement(superclass, aggregate);
            if (element == null || element.getSuperclass().getKind() == TypeKind.NONE) {
                return new AggregateHierarchy(classes, null); // reached Object
            }
            if (element.getQualifiedName().contentEquals(RuntimeTypes.AGGREGATE_ROOT_NAME)) {
                return new AggregateHierarchy(classes, (DeclaredType) superclass);
            }
            classes.add(element);
            current = superclass;
        }
    }

    /** Whether {@code type} extends {@code AggregateRoot}, directly or not (a base class of aggregates); true if unsure. */
    static boolean extendsAggregateRoot(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        while (superclass.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
            if (element.getQualifiedName().contentEquals(RuntimeTypes.AGGREGATE_ROOT_NAME)) {
                return true;
            }
            superclass = element.getSuperclass();
        }
        return superclass.getKind() == TypeKind.ERROR; // not resolved yet: do not guess
    }

    /** The aggregate itself. */
    TypeElement aggregate() {
        return classes.get(0);
    }

    /**
     * The {@code @Apply} methods of the chain, the aggregate's first, each base class's after; a method that an
     * {@code @Apply} method further down overrides counts once, as the override (Java calls the override anyway).
     */
    List<ExecutableElement> applyMethods(Elements elements) {
        List<ExecutableElement> found = new ArrayList<>();
        for (TypeElement type : classes) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (AnnotationMirrors.has(method, FactumAnnotations.APPLY) && !overridden(method, found, elements)) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    private boolean overridden(ExecutableElement method, List<ExecutableElement> below, Elements elements) {
        for (ExecutableElement overrider : below) {
            // only a subclass's method overrides (javac would also match a sibling whose parameter is unresolved)
            if (!overrider.getEnclosingElement().equals(method.getEnclosingElement())
                    && elements.overrides(overrider, method, aggregate())) {
                return true;
            }
        }
        return false;
    }
}
