/**
 * Kafka for Factum: {@link io.factum.kafka.KafkaRelay} produces the store's events to Kafka exactly once, in
 * stream order; {@link io.factum.kafka.KafkaHeaders} is the one place that says how an envelope travels in
 * record headers. Depends on the runtime and kafka-clients only; the runtime never depends on this package.
 */
package io.factum.kafka;
