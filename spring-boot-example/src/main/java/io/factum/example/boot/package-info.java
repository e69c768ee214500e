/**
 * A small Spring Boot service on the Factum starter: orders placed and confirmed over HTTP
 * ({@link io.factum.example.boot.OrderController}), an event-sourced {@link io.factum.example.boot.Order},
 * a read model kept by a projection ({@link io.factum.example.boot.OrderSummaries}) and a {@code @Subscribe}
 * bean ({@link io.factum.example.boot.Confirmations}). Metrics at {@code /actuator/prometheus}, health at
 * {@code /actuator/health}.
 */
package io.factum.example.boot;
