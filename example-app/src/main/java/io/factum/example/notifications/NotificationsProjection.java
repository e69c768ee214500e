package io.factum.example.notifications;

import io.factum.event.EventEnvelope;
import io.factum.example.ordering.CustomerEmailChanged;
import io.factum.example.ordering.CustomerRegistered;
import io.factum.example.ordering.OrderCancelled;
import io.factum.example.ordering.OrderCreated;
import io.factum.example.ordering.OrderPaid;
import io.factum.example.ordering.OrderShipped;
import io.factum.example.notifications.Notification.Kind;
import io.factum.example.app.Narrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Notifications context: records the messages it would send — payment confirmations, shipping
 * notices with the tracking number, cancellation notices — in its own table.
 *
 * <p>It never asks Ordering anything. To know whom to write, it keeps its own copy of what it
 * needs from Ordering's events: customers' names and e-mail addresses, and which customer placed
 * which order. Everything it writes goes into the same transaction as its subscription
 * checkpoint, so each event is handled exactly once, even across crashes.
 */
public final class NotificationsProjection {

    /** The durable subscription's name, also the key of its checkpoint. */
    public static final String NAME = "notifications";

    private final String recipients;
    private final String orders;
    private final String notifications;
    private final Narrator narrator;

    /** @param tablePrefix the application's table prefix, already validated */
    public NotificationsProjection(String tablePrefix, Narrator narrator) {
        this.recipients = tablePrefix + "notif_recipients";
        this.orders = tablePrefix + "notif_orders";
        this.notifications = tablePrefix + "notifications";
        this.narrator = narrator;
    }

    /** Creates the context's tables if they do not exist (portable SQL for SQLite and PostgreSQL). */
    public void createTables(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS " + recipients
                    + " (customer_id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(320) NOT NULL)");
            sql.execute("CREATE TABLE IF NOT EXISTS " + orders
                    + " (order_id VARCHAR(64) PRIMARY KEY, customer_id VARCHAR(64) NOT NULL)");
            sql.execute("CREATE TABLE IF NOT EXISTS " + notifications
                    + " (event_id VARCHAR(36) PRIMARY KEY, position BIGINT NOT NULL, order_id VARCHAR(64) NOT NULL,"
                    + " kind VARCHAR(32) NOT NULL, recipient VARCHAR(320) NOT NULL, message VARCHAR(2000) NOT NULL,"
                    + " created_at VARCHAR(40) NOT NULL)");
        }
    }

    /** Deletes everything, before a rebuild from the first event. */
    public void clear(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM " + notifications);
            sql.execute("DELETE FROM " + orders);
            sql.execute("DELETE FROM " + recipients);
        }
    }

    /** Handles one event inside the caller's transaction. Events it does not care about are ignored. */
    public void apply(EventEnvelope<?> envelope, Connection connection) throws SQLException {
        Object event = envelope.payload();
        if (event instanceof CustomerRegistered registered) {
            upsert(connection, "INSERT INTO " + recipients + " (customer_id, name, email) VALUES (?, ?, ?)"
                    + " ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, email = excluded.email",
                    registered.customerId(), registered.name(), registered.email());
        } else if (event instanceof CustomerEmailChanged changed) {
            upsert(connection, "UPDATE " + recipients + " SET email = ? WHERE customer_id = ?",
                    changed.newEmail(), changed.customerId());
        } else if (event instanceof OrderCreated created) {
            upsert(connection, "INSERT INTO " + orders + " (order_id, customer_id) VALUES (?, ?)"
                    + " ON CONFLICT (order_id) DO NOTHING", created.orderId(), created.customerId());
        } else if (event instanceof OrderPaid paid) {
            notify(connection, envelope, paid.orderId(), Kind.PAYMENT_CONFIRMATION,
                    "we received your payment of " + paid.paidAmount() + " for order " + paid.orderId()
                            + " (" + paid.paymentMethod() + ", payment " + paid.paymentId() + "). Thank you!");
        } else if (event instanceof OrderShipped shipped) {
            notify(connection, envelope, shipped.orderId(), Kind.SHIPPING_NOTICE,
                    "your order " + shipped.orderId() + " is on its way with " + shipped.carrier()
                            + ", tracking number " + shipped.trackingNumber() + ".");
        } else if (event instanceof OrderCancelled cancelled) {
            notify(connection, envelope, cancelled.orderId(), Kind.CANCELLATION_NOTICE,
                    "your order " + cancelled.orderId() + " was cancelled: " + cancelled.reason());
        }
    }

    private void notify(Connection connection, EventEnvelope<?> envelope, String orderId, Kind kind, String text)
            throws SQLException {
        String name = "customer";
        String email = "unknown recipient";
        try (PreparedStatement query = connection.prepareStatement("SELECT r.name, r.email FROM " + orders + " o JOIN "
                + recipients + " r ON r.customer_id = o.customer_id WHERE o.order_id = ?")) {
            query.setString(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    name = row.getString(1);
                    email = row.getString(2);
                }
            }
        }
        String message = "Dear " + name + ", " + text;
        upsert(connection, "INSERT INTO " + notifications
                        + " (event_id, position, order_id, kind, recipient, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (event_id) DO NOTHING",
                envelope.eventId().toString(), envelope.globalPosition(), orderId, kind.name(), email, message,
                envelope.occurredAt().toString());
        narrator.reaction("Notifications", kind.name().toLowerCase().replace('_', ' ') + " to " + email + ": " + message);
    }

    private static void upsert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    /** Every recorded notification, oldest first; for an order, or all when {@code orderId} is null. */
    public List<Notification> list(Connection connection, String orderId) throws SQLException {
        String sql = "SELECT event_id, position, order_id, kind, recipient, message, created_at FROM " + notifications
                + (orderId == null ? "" : " WHERE order_id = ?") + " ORDER BY position";
        List<Notification> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (orderId != null) {
                query.setString(1, orderId);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    result.add(new Notification(row.getString(1), row.getLong(2), row.getString(3),
                            Kind.valueOf(row.getString(4)), row.getString(5), row.getString(6),
                            Instant.parse(row.getString(7))));
                }
            }
        }
        return result;
    }
}
