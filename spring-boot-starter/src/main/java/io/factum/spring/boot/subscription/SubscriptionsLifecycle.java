package io.factum.spring.boot.subscription;

import io.factum.spring.boot.FactumConfigurationException;
import io.factum.subscription.Subscription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the context's {@link Subscription} beans with it: starts them when the context starts and stops
 * them, saving their checkpoints, when it stops. Each runs on a thread of its own, so a subscription that
 * fails at run time only changes its own status ({@code FAILED}, in health and metrics); the context
 * keeps running.
 */
public final class SubscriptionsLifecycle implements SmartLifecycle {

    private final List<Subscription> subscriptions;
    private final Object lock = new Object();
    private boolean running; // guarded by lock

    /**
     * @param byBeanName the subscription beans
     * @throws FactumConfigurationException if two of them have one name: they would share one checkpoint
     */
    public SubscriptionsLifecycle(Map<String, Subscription> byBeanName) {
        Map<String, String> beanByName = new LinkedHashMap<>();
        for (Map.Entry<String, Subscription> bean : byBeanName.entrySet()) {
            String previous = beanByName.putIfAbsent(bean.getValue().name(), bean.getKey());
            if (previous != null) {
                throw new FactumConfigurationException("Beans '" + previous + "' and '" + bean.getKey()
                        + "' are both subscriptions named '" + bean.getValue().name()
                        + "'; they would share one checkpoint and skip each other's events.",
                        "Give each Subscription bean a name of its own.");
            }
        }
        this.subscriptions = List.copyOf(byBeanName.values());
    }

    /** The subscriptions it runs, in bean order. */
    public List<Subscription> subscriptions() {
        return Collections.unmodifiableList(subscriptions);
    }

    @Override
    public void start() {
        synchronized (lock) {
            for (Subscription subscription : subscriptions) {
                subscription.start();
            }
            running = true;
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            List<Subscription> reversed = new ArrayList<>(subscriptions);
            Collections.reverse(reversed);
            for (Subscription subscription : reversed) {
                subscription.stop();
            }
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }
}
