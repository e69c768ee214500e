package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;

/**
 * A valid {@code @Upcast} method, as the generators need it. Built by {@link UpcastStep}.
 *
 * @param upcasterClass  the generated {@code io.factum.event.Upcaster} ({@code <OldRecord>Upcaster}, with a static {@code INSTANCE}),
 *                       in the package of the declaring class so it may call package-private methods
 * @param declaringClass the class that declares the user's static method
 * @param methodName     the user's method
 * @param fromRecord     the event record of version {@code fromVersion}
 * @param toRecord       the event record of version {@code fromVersion + 1}
 * @param storedName     the stored name both records share
 * @param fromVersion    the version the upcaster reads
 */
public record UpcasterModel(
        ClassName upcasterClass,
        ClassName declaringClass,
        String methodName,
        ClassName fromRecord,
        ClassName toRecord,
        String storedName,
        int fromVersion) {

    public int toVersion() {
        return fromVersion + 1;
    }

    /** {@code Steps.upcast(OrderCreatedV1)}: the user's method, as messages show it. */
    public String method() {
        return declaringClass.simpleName() + "." + methodName + "(" + fromRecord.simpleName() + ")";
    }

    /** The generated class of an upcaster from {@code fromRecord} declared in {@code declaringClass}'s package. */
    static ClassName upcasterClassOf(ClassName declaringClass, ClassName fromRecord) {
        return ClassName.get(declaringClass.packageName(), String.join("_", fromRecord.simpleNames()) + "Upcaster");
    }
}
