/**
 * Subscriptions and subscribers in a Spring context: building subscriptions on the configured store
 * ({@link io.factum.spring.boot.subscription.FactumSubscriptions}), running the {@code Subscription} beans
 * with the context ({@link io.factum.spring.boot.subscription.SubscriptionsLifecycle}), and subscribing
 * {@code @Subscribe} beans through their generated registrations
 * ({@link io.factum.spring.boot.subscription.SubscriberBeans}). Depends on the runtime and spring-context;
 * on factum-micrometer only through {@link io.factum.spring.boot.subscription.HandlerDecorator}.
 */
package io.factum.spring.boot.subscription;
