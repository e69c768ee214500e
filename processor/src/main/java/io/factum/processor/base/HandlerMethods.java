package io.factum.processor.base;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * The checks that every handler method ({@code @Apply}, {@code @Subscribe}) must pass, whatever it handles:
 * the generated class calls it on an instance, from its own package, and ignores a result.
 */
public final class HandlerMethods {

    /**
     * What a kind of handler method says when one of the shared checks fails.
     *
     * @param isStatic   a static method; argument: the method
     * @param isPrivate  a private method; arguments: the method, the generated class
     * @param returnType a method that returns a value; arguments: the method, its return type
     */
    public record Messages(Message isStatic, Message isPrivate, Message returnType) {}

    /** What {@code @Apply} methods say. */
    public static final Messages APPLY = new Messages(Message.APPLY_STATIC, Message.APPLY_PRIVATE, Message.APPLY_RETURN_TYPE);

    /** What {@code @Subscribe} methods say. */
    public static final Messages SUBSCRIBE =
            new Messages(Message.SUBSCRIBE_STATIC, Message.SUBSCRIBE_PRIVATE, Message.SUBSCRIBE_RETURN_TYPE);

    private HandlerMethods() {}

    /** Reports on {@code method} each shared rule it breaks; {@code generatedClass} is the class that calls it. */
    public static void check(ExecutableElement method, Messages messages, String generatedClass, ValidationReport.Builder report) {
        String described = ElementChecks.describe(method);
        if (method.getModifiers().contains(Modifier.STATIC)) {
            report.add(method, messages.isStatic(), described);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.add(method, messages.isPrivate(), described, generatedClass);
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            report.add(method, messages.returnType(), described, method.getReturnType());
        }
    }
}
