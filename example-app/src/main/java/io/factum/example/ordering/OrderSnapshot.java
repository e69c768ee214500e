package io.factum.example.ordering;

import io.factum.example.shared.Money;
import java.util.List;
import java.util.Optional;

/** Everything an {@link Order} knows, for snapshots (see {@code AccountSnapshot}). */
public record OrderSnapshot(String id, String customerId, List<OrderLine> lines, Money total, OrderStatus status,
                            Optional<String> paymentId, Optional<String> trackingNumber, Optional<String> carrier,
                            Optional<String> cancellationReason) {}
