/**
 * Factum's Spring Boot auto-configuration: {@link io.factum.spring.boot.FactumAutoConfiguration} and its
 * {@link io.factum.spring.boot.FactumProperties} ({@code factum.*}). It reads what the generated
 * {@code FactumModule}s list (events, aggregate types, subscriber registrations) through
 * {@link java.util.ServiceLoader}; it never scans the class path. Sub-packages: {@code store}, {@code bus},
 * {@code subscription}, {@code actuate}, {@code test}; this package wires them.
 */
package io.factum.spring.boot;
