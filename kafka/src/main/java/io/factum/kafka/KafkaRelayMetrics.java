package io.factum.kafka;

import io.factum.micrometer.FactumMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Gauges of Kafka relays, read when scraped: lag ({@value FactumMeters#RELAY_LAG}: the store's head position
 * minus the position committed to Kafka), position, whether this instance is the fleet's active relay, and
 * status. Needs {@code factum-micrometer} on the class path (an optional dependency of this module). In Spring
 * Boot, declare it as a bean: Boot binds every {@link MeterBinder} bean to its registry.
 *
 * <p>Lag is reported by the active instance (or one polled by hand); a running standby, which does not know how far
 * the active one got, reports {@code NaN}, as do a relay that has not read its position back yet and a gauge whose
 * read of the store fails. Alert on the lag where
 * {@value FactumMeters#RELAY_ACTIVE} is 1.
 */
public final class KafkaRelayMetrics implements MeterBinder {

    private final List<KafkaRelay> relays;

    public KafkaRelayMetrics(List<KafkaRelay> relays) {
        this.relays = List.copyOf(relays);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (KafkaRelay relay : relays) {
            String name = relay.name();
            Gauge.builder(FactumMeters.RELAY_LAG, relay, KafkaRelayMetrics::lag)
                    .description("Events in the store after the position the relay committed to Kafka")
                    .tag(FactumMeters.RELAY, name).register(meters);
            Gauge.builder(FactumMeters.RELAY_POSITION, relay, r -> r.position() < 0 ? Double.NaN : r.position())
                    .description("The last global position the relay committed to Kafka")
                    .tag(FactumMeters.RELAY, name).register(meters);
            Gauge.builder(FactumMeters.RELAY_ACTIVE, relay, r -> r.isActive() ? 1 : 0)
                    .description("1 while this instance relays (it runs and holds the fleet's lease), else 0")
                    .tag(FactumMeters.RELAY, name).register(meters);
            for (KafkaRelay.Status status : KafkaRelay.Status.values()) {
                Gauge.builder(FactumMeters.RELAY_STATUS, relay, r -> r.status() == status ? 1 : 0)
                        .description("1 for the relay's current status, 0 for the others")
                        .tag(FactumMeters.RELAY, name).tag(FactumMeters.STATUS, status.name()).register(meters);
            }
        }
    }

    private static double lag(KafkaRelay relay) {
        if (relay.position() < 0 || relay.status() == KafkaRelay.Status.RUNNING && !relay.isActive()) {
            return Double.NaN;
        }
        try {
            return relay.lag();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
