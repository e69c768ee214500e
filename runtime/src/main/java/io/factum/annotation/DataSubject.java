package io.factum.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of an {@link Event} record that names whose personal data the record's
 * {@link PersonalData} components are: the person (customer, patient, user) whose key encrypts them and
 * who can be forgotten. One per event record; a {@code String}, {@code UUID}, {@code long} or {@code int},
 * stored in plain text (it is how the key is found, and what projections query by).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataSubject {}
