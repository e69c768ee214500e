package io.factum.example.boot;

import io.factum.event.EventEnvelope;
import io.factum.subscription.JdbcProjection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model of orders in the events' database, kept by a projection: each batch of events and the
 * subscription's checkpoint commit together, so every event changes it exactly once.
 */
public class OrderSummaries implements JdbcProjection {

    private final JdbcTemplate jdbc;
    private final String table;

    /** @param table the read model's table, e.g. {@code factum_order_summaries} */
    public OrderSummaries(DataSource dataSource, String table) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.table = table;
    }

    public record Summary(String orderId, String customer, BigDecimal amount, String status) {}

    /** Creates the table unless it exists. */
    public void createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table
                + " (order_id TEXT PRIMARY KEY, customer TEXT NOT NULL, amount NUMERIC NOT NULL, status TEXT NOT NULL)");
    }

    @Override
    public void apply(EventEnvelope<Object> event, Connection connection) throws SQLException {
        if (event.payload() instanceof OrderPlaced placed) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (order_id, customer, amount, status) VALUES (?, ?, ?, 'PLACED')")) {
                insert.setString(1, placed.orderId());
                insert.setString(2, placed.customer());
                insert.setBigDecimal(3, placed.amount());
                insert.executeUpdate();
            }
        } else if (event.payload() instanceof OrderConfirmed confirmed) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET status = 'CONFIRMED' WHERE order_id = ?")) {
                update.setString(1, confirmed.orderId());
                update.executeUpdate();
            }
        }
    }

    /** Every order, by id. */
    public List<Summary> all() {
        return jdbc.query("SELECT order_id, customer, amount, status FROM " + table + " ORDER BY order_id",
                (row, n) -> new Summary(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getString(4)));
    }

    /** Drops the table (tests). */
    public void dropTable() {
        try (Connection connection = jdbc.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop " + table + ": " + e.getMessage(), e);
        }
    }
}
