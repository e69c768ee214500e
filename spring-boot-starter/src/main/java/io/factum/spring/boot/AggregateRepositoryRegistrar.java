package io.factum.spring.boot;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.bus.EventBus;
import io.factum.event.EventTypeRegistry;
import io.factum.spi.FactumModule;
import io.factum.store.EventStore;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Defines one {@link AggregateRepository} bean per aggregate type the generated modules list, typed by its
 * aggregate and event family so it is injected by generic type ({@code AggregateRepository<Order, OrderEvent>}).
 * Bean name: {@code factumRepository.<AggregateName>}; a bean of that name defined by the application wins.
 */
public final class AggregateRepositoryRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware, BeanClassLoaderAware {

    /** Prefix of the repository beans' names. */
    public static final String BEAN_NAME_PREFIX = "factumRepository.";

    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        for (FactumModule module : FactumModules.load(classLoader).modules()) {
            for (AggregateType<?, ?> type : module.aggregateTypes()) {
                String name = BEAN_NAME_PREFIX + type.name();
                if (!registry.containsBeanDefinition(name)) {
                    registry.registerBeanDefinition(name, definition(type));
                }
            }
        }
    }

    private <A extends AggregateRoot<E>, E> RootBeanDefinition definition(AggregateType<A, E> type) {
        RootBeanDefinition definition = new RootBeanDefinition(AggregateRepository.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(AggregateRepository.class,
                type.aggregateClass(), type.eventFamily()));
        BeanFactory factory = beanFactory;
        definition.setInstanceSupplier(() -> new AggregateRepository<>(factory.getBean(EventStore.class),
                factory.getBean(EventTypeRegistry.class), type, factory.getBean(EventBus.class),
                factory.getBean(FactumInstrumentation.class).aggregateLoadListener()));
        return definition;
    }
}
