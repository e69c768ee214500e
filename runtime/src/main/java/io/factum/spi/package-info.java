/**
 * {@code FactumModule}: what one compilation unit of generated code contributes (its aggregate
 * types, event types, upcasters and subscriber registrations), found with {@link java.util.ServiceLoader};
 * {@code SubscriberRegistration}: how integrations subscribe handler objects. Uses
 * {@code io.factum.aggregate}, {@code io.factum.event} and {@code io.factum.bus}.
 */
package io.factum.spi;
