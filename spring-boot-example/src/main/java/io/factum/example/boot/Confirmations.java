package io.factum.example.boot;

import io.factum.annotation.Subscribe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A {@code @Subscribe} bean: the starter subscribes it through its generated registration, and the bus
 * calls it after the placing or confirming transaction commits. Here it keeps the confirmed order ids,
 * where a real service would send an e-mail.
 */
@Component
public class Confirmations {
    private final List<String> confirmed = new CopyOnWriteArrayList<>();

    @Subscribe
    void on(OrderConfirmed event) {
        confirmed.add(event.orderId());
    }

    public List<String> confirmed() {
        return List.copyOf(confirmed);
    }
}
