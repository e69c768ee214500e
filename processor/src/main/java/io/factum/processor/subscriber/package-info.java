/**
 * Handler classes with {@code @Subscribe} methods and {@code @EventRouter} interfaces: steps, modelers
 * (a router models its handlers through the subscriber modeler) and the generators of
 * {@code <Handler>Subscribers} and {@code <Interface>Router}. Uses {@code base} and {@code event}
 * (its models and event families).
 */
package io.factum.processor.subscriber;
