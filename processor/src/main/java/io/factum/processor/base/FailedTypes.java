package io.factum.processor.base;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The types whose validation failed in this compilation, by qualified name. Their errors are reported once,
 * on them; a check elsewhere that meets one (an aggregate's event family, a handler's parameter, the schema
 * lock) leaves the dependant out silently ({@link ValidationReport.Builder#blockedBy}) instead of reporting a
 * second error about the same mistake.
 */
public final class FailedTypes {

    private final Set<String> names = new HashSet<>();

    void add(TypeElement type) {
        names.add(type.getQualifiedName().toString());
    }

    /** Whether {@code type} failed: it was reported, or it carries {@code @Event} without being a record. */
    public boolean contains(TypeElement type) {
        return names.contains(type.getQualifiedName().toString())
                || (AnnotationMirrors.has(type, FactumAnnotations.EVENT) && !FactumAnnotations.isEventRecord(type));
    }

    /**
     * Records that {@code type} failed, for a mistake found while checking another element (e.g. a sealed event
     * family that permits a plain record, met by each aggregate and handler that uses it).
     *
     * @return true the first time: report it then, and only then
     */
    public boolean firstFailureOf(TypeElement type) {
        return names.add(type.getQualifiedName().toString());
    }

    /** Whether the type named {@code qualifiedName} failed validation. */
    public boolean contains(String qualifiedName) {
        return names.contains(qualifiedName);
    }
}
