package io.factum.spring.boot.subscription;

import io.factum.bus.EventBus;
import io.factum.bus.Registration;
import io.factum.spi.FactumModule;
import io.factum.spi.SubscriberRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Subscribes the beans that have {@code @Subscribe} methods to the bus, through the registrations the
 * generated modules list: for each registration, the singleton beans of its handler class. No class path
 * scanning and no reflection: the generated code calls the methods. Unsubscribes them when the context closes.
 */
public final class SubscriberBeans implements SmartInitializingSingleton, DisposableBean {

    private final ListableBeanFactory beans;
    private final EventBus bus;
    private final List<FactumModule> modules;
    private final Object lock = new Object();
    private final List<Registration> registrations = new ArrayList<>(); // guarded by lock
    private final List<String> subscribed = new ArrayList<>(); // guarded by lock

    public SubscriberBeans(ListableBeanFactory beans, EventBus bus, List<FactumModule> modules) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.modules = List.copyOf(modules);
    }

    @Override
    public void afterSingletonsInstantiated() {
        synchronized (lock) {
            for (FactumModule module : modules) {
                for (SubscriberRegistration<?> registration : module.subscriberRegistrations()) {
                    Map<String, ?> handlers = beans.getBeansOfType(registration.handlerClass(), false, true);
                    for (Map.Entry<String, ?> handler : handlers.entrySet()) {
                        registrations.add(registration.register(bus, handler.getValue()));
                        subscribed.add(handler.getKey());
                    }
                }
            }
        }
    }

    /** Names of the beans subscribed, once per registration. */
    public List<String> subscribedBeans() {
        synchronized (lock) {
            return List.copyOf(subscribed);
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            registrations.forEach(Registration::close);
            registrations.clear();
        }
    }
}
