package io.factum.spring.boot;

import io.factum.bus.EventBus;
import io.factum.event.EventTypeRegistry;
import io.factum.spi.FactumModule;
import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.spring.boot.subscription.SubscriberBeans;
import io.factum.spring.boot.subscription.SubscriptionsLifecycle;
import io.factum.store.EventStore;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Factum in a Spring Boot application: the generated modules' event types and aggregate types, the event
 * store from the {@code DataSource} ({@code factum.store.*}), the bus ({@code factum.bus.*}), an
 * {@code AggregateRepository} per aggregate type, the {@code @Subscribe} beans subscribed, the
 * {@code Subscription} beans run with the context, and metrics and traces when Micrometer is configured.
 * See {@code docs/spring-boot.md}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(FactumProperties.class)
@Import(AggregateRepositoryRegistrar.class)
public class FactumAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public FactumModules factumModules(ApplicationContext context) {
        return FactumModules.load(context.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean
    public EventTypeRegistry factumEventTypeRegistry(FactumModules modules) {
        return EventTypeRegistry.of(modules.modules().toArray(new FactumModule[0]));
    }

    @Bean
    @ConditionalOnMissingBean
    public FactumInstrumentation factumInstrumentation(ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new FactumInstrumentation(meters.getIfUnique(), observations.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    public FactumEventStores factumEventStores(FactumProperties properties, ObjectProvider<DataSource> dataSource,
            FactumInstrumentation instrumentation) {
        return new FactumEventStores(properties.getStore(), dataSource.getIfUnique(), instrumentation);
    }

    /** The store the application uses; closed through {@link FactumEventStores}. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public EventStore factumEventStore(FactumEventStores stores) {
        return stores.store();
    }

    @Bean
    @ConditionalOnMissingBean
    public FactumEventBuses factumEventBuses(FactumProperties properties, FactumInstrumentation instrumentation) {
        return new FactumEventBuses(properties.getBus(), instrumentation);
    }

    /** The bus the application and the generated subscribers use; closed through {@link FactumEventBuses}. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public EventBus factumEventBus(FactumEventBuses buses) {
        return buses.bus();
    }

    @Bean
    @ConditionalOnMissingBean
    public FactumSubscriptions factumSubscriptions(FactumProperties properties, FactumEventStores stores,
            EventTypeRegistry registry, FactumInstrumentation instrumentation) {
        return new FactumSubscriptions(stores.store(), stores.jdbc(), registry, instrumentation, properties.getSubscriptions());
    }

    @Bean
    public SubscriberBeans factumSubscriberBeans(ListableBeanFactory beans, EventBus bus, FactumModules modules) {
        return new SubscriberBeans(beans, bus, modules.modules());
    }

    @Bean
    @ConditionalOnMissingBean
    public SubscriptionsLifecycle factumSubscriptionsLifecycle(ListableBeanFactory beans, FactumEventStores stores,
            FactumInstrumentation instrumentation) {
        SubscriptionsLifecycle lifecycle = new SubscriptionsLifecycle(beans.getBeansOfType(Subscription.class, false, true));
        instrumentation.bindSubscriptions(new ArrayList<>(lifecycle.subscriptions()), stores.head());
        return lifecycle;
    }
}
