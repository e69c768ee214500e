package io.factum.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Types a step could not model yet because they refer to a type that is not generated yet.
 * Kept by qualified name, since elements of one round must not be used in the next.
 */
public final class Deferrals {
    private final Set<String> names = new TreeSet<>();

    public void defer(TypeElement type) {
        names.add(type.getQualifiedName().toString());
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The deferred types, looked up afresh in this round; the set is emptied. */
    public List<TypeElement> takeAll(Elements elements) {
        List<TypeElement> types = new ArrayList<>();
        for (String name : names) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        names.clear();
        return types;
    }
}
