/**
 * Actuator support: the {@code factum} health indicator and the {@code factum} endpoint listing
 * subscriptions. Depends on spring-boot-health and spring-boot-actuator, both optional: without them
 * {@link io.factum.spring.boot.actuate.FactumActuatorAutoConfiguration} does nothing.
 */
package io.factum.spring.boot.actuate;
