package io.factum.example.analytics;

import io.factum.event.EventEnvelope;
import io.factum.example.app.Narrator;
import io.factum.example.ordering.OrderCancelled;
import io.factum.example.ordering.OrderConfirmed;
import io.factum.example.ordering.OrderCreated;
import io.factum.example.ordering.OrderDelivered;
import io.factum.example.ordering.OrderItemAdded;
import io.factum.example.ordering.OrderPaid;
import io.factum.example.ordering.OrderShipped;
import io.factum.example.ordering.OrderStatus;
import io.factum.example.shared.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Analytics context: a projection of Ordering's events into one row per order (status, total,
 * amount paid), from which {@link #report} counts orders by status and sums revenue per currency.
 *
 * <p>Amounts are kept as decimal text and summed with {@link BigDecimal} in Java: SQLite has no exact
 * decimal column type, and a revenue figure must not pick up floating-point error. Rows are
 * written in the same transaction as the subscription checkpoint, so each event counts once.
 */
public final class SalesProjection {

    /** The durable subscription's name, also the key of its checkpoint. */
    public static final String NAME = "analytics";

    private final String table;
    private final Narrator narrator;

    /** @param tablePrefix the application's table prefix, already validated */
    public SalesProjection(String tablePrefix, Narrator narrator) {
        this.table = tablePrefix + "analytics_orders";
        this.narrator = narrator;
    }

    public void createTables(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS " + table + " (order_id VARCHAR(64) PRIMARY KEY,"
                    + " status VARCHAR(16) NOT NULL, currency VARCHAR(3) NOT NULL, total VARCHAR(40) NOT NULL,"
                    + " paid VARCHAR(40))");
        }
    }

    public void clear(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM " + table);
        }
    }

    /** Handles one event inside the caller's transaction. */
    public void apply(EventEnvelope<?> envelope, Connection connection) throws SQLException {
        Object event = envelope.payload();
        if (event instanceof OrderCreated created) {
            update(connection, "INSERT INTO " + table + " (order_id, status, currency, total) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (order_id) DO NOTHING",
                    created.orderId(), OrderStatus.PENDING.name(), created.totalAmount().currency(),
                    created.totalAmount().amount().toPlainString());
            counted(created.orderId(), OrderStatus.PENDING);
        } else if (event instanceof OrderItemAdded added) {
            Money total = total(connection, added.orderId()).plus(added.item().lineTotal());
            update(connection, "UPDATE " + table + " SET total = ? WHERE order_id = ?",
                    total.amount().toPlainString(), added.orderId());
        } else if (event instanceof OrderConfirmed confirmed) {
            status(connection, confirmed.orderId(), OrderStatus.CONFIRMED);
        } else if (event instanceof OrderPaid paid) {
            update(connection, "UPDATE " + table + " SET status = ?, paid = ? WHERE order_id = ?",
                    OrderStatus.PAID.name(), paid.paidAmount().amount().toPlainString(), paid.orderId());
            counted(paid.orderId(), OrderStatus.PAID);
        } else if (event instanceof OrderShipped shipped) {
            status(connection, shipped.orderId(), OrderStatus.SHIPPED);
        } else if (event instanceof OrderDelivered delivered) {
            status(connection, delivered.orderId(), OrderStatus.DELIVERED);
        } else if (event instanceof OrderCancelled cancelled) {
            status(connection, cancelled.orderId(), OrderStatus.CANCELLED);
        }
    }

    private void status(Connection connection, String orderId, OrderStatus status) throws SQLException {
        update(connection, "UPDATE " + table + " SET status = ? WHERE order_id = ?", status.name(), orderId);
        counted(orderId, status);
    }

    private void counted(String orderId, OrderStatus status) {
        narrator.reaction("Analytics", "order " + orderId + " now counted as " + status);
    }

    private Money total(Connection connection, String orderId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT total, currency FROM " + table + " WHERE order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Analytics has no row for order " + orderId
                            + ": its OrderCreated event was not projected");
                }
                return new Money(new BigDecimal(row.getString(1)), row.getString(2));
            }
        }
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Orders by status and revenue per currency, from the read model. */
    public SalesReport report(Connection connection) throws SQLException {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<String, Money> revenue = new TreeMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT status, currency, paid FROM " + table)) {
            while (row.next()) {
                OrderStatus status = OrderStatus.valueOf(row.getString(1));
                byStatus.merge(status, 1L, Long::sum);
                String paid = row.getString(3);
                if (paid != null && status != OrderStatus.CANCELLED) {
                    Money amount = new Money(new BigDecimal(paid), row.getString(2));
                    revenue.merge(amount.currency(), amount, Money::plus);
                }
            }
        }
        return new SalesReport(byStatus, new ArrayList<>(revenue.values()));
    }

    /** Every row, sorted by order id, as text; for comparing a rebuilt read model with the live one. */
    public List<String> dump(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT order_id, status, currency, total, paid FROM " + table + " ORDER BY order_id")) {
            while (row.next()) {
                rows.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|" + row.getString(4)
                        + "|" + row.getString(5));
            }
        }
        return rows;
    }
}
