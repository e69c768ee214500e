package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an {@link Event} record as personal data of the event's {@link DataSubject}: the
 * generated codec stores it encrypted with that subject's data key, and once the subject is forgotten
 * ({@code SubjectKeys.forget}) it reads as the component's replacement instead.
 *
 * <p>The replacement is checked when compiling. It is {@code Optional.empty()} for an {@code Optional}
 * component, {@code null} for a component annotated {@code @Nullable}, the empty collection for a
 * {@code List}, {@code Set}, {@code Map} or array, and {@link #forgotten()} for a {@code String}.
 *
 * <pre>{@code
 * @Event
 * public record CustomerRegistered(@DataSubject String customerId,
 *                                  @PersonalData(forgotten = "(forgotten)") String name,
 *                                  @PersonalData Optional<String> email,
 *                                  String plan) {}
 * }</pre>
 *
 * <p>The whole component is one encrypted value: a nested record or a list is encrypted as a whole. Only
 * components of an {@code @Event} record are encrypted; on a nested record's component the processor
 * reports an error (mark the event's component instead).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** Marks "no replacement text declared"; never a value a user writes. */
    String NO_REPLACEMENT = "\u0000";

    /** What a {@code String} component reads as once its subject is forgotten, e.g. {@code "(forgotten)"}. */
    String forgotten() default NO_REPLACEMENT;
}
