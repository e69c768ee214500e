package io.factum.spring.boot.actuate;

import io.factum.spring.boot.FactumAutoConfiguration;
import io.factum.spring.boot.FactumEventStores;
import io.factum.spring.boot.FactumProperties;
import io.factum.spring.boot.subscription.SubscriptionsLifecycle;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code factum} health indicator and endpoint, when Actuator is on the class path. */
@AutoConfiguration(after = FactumAutoConfiguration.class)
@ConditionalOnBean(SubscriptionsLifecycle.class)
public class FactumActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("factum")
    static class Health {
        @Bean(name = "factumHealthIndicator")
        @ConditionalOnMissingBean(name = "factumHealthIndicator")
        FactumHealthIndicator factumHealthIndicator(SubscriptionsLifecycle lifecycle, FactumEventStores stores,
                FactumProperties properties) {
            return new FactumHealthIndicator(lifecycle.subscriptions(), stores.head(), properties.getHealth());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(FactumEndpoint.class)
    static class Endpoint {
        @Bean
        @ConditionalOnMissingBean
        FactumEndpoint factumEndpoint(SubscriptionsLifecycle lifecycle, FactumEventStores stores) {
            return new FactumEndpoint(lifecycle.subscriptions(), stores.head());
        }
    }
}
