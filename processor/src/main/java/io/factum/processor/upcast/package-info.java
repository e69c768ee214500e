/**
 * {@code @Upcast} methods: the step that checks them and their version chains and generates
 * {@code <OldRecord>Upcaster}, and what the module needs to list them. Uses {@code base} and
 * {@code event}'s {@code EventModel}; driven by {@code schema}'s versioning step.
 */
package io.factum.processor.upcast;
