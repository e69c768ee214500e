/**
 * {@code FactumModule}: what one compilation unit of generated code contributes (its aggregate
 * types, event types and upcasters), found with {@link java.util.ServiceLoader}. Uses
 * {@code io.factum.aggregate} and {@code io.factum.event}.
 */
package io.factum.spi;
