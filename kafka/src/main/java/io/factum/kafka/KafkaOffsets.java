package io.factum.kafka;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka offsets of a projection, kept in the projection's own database ({@code <prefix>kafka_offsets}) and
 * written in the transaction that applies the records: the "external offsets" pattern. The consumer seeks to
 * them when partitions are assigned, so a rebalance or a crash never applies a record twice.
 */
final class KafkaOffsets {

    private final JdbcEventStore database;
    private final String table;

    KafkaOffsets(JdbcEventStore database) {
        this.database = database;
        this.table = database.tables().prefix() + "kafka_offsets";
    }

    String table() {
        return table;
    }

    /** Creates the offsets table if it is missing (idempotent, safe from several processes). */
    void ensureTable() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (subscription VARCHAR(200) NOT NULL, "
                    + "topic VARCHAR(249) NOT NULL, partition_id INTEGER NOT NULL, next_offset BIGINT NOT NULL, "
                    + "PRIMARY KEY (subscription, topic, partition_id))");
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot create the Kafka offsets table " + table + ": " + e.getMessage(), e);
        }
    }

    /** The next offset to read of each of {@code partitions} that has one stored. */
    Map<TopicPartition, Long> load(String subscription, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT next_offset FROM " + table
                     + " WHERE subscription = ? AND topic = ? AND partition_id = ?")) {
            for (TopicPartition partition : partitions) {
                select.setString(1, subscription);
                select.setString(2, partition.topic());
                select.setInt(3, partition.partition());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        offsets.put(partition, row.getLong(1));
                    }
                }
            }
            return offsets;
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot read the Kafka offsets of subscription '" + subscription + "' from "
                    + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the next offsets inside the caller's transaction, each only if the stored one is not past the first
     * offset of the records it covers (a compare-and-set: the UPDATE locks the row and re-checks on PostgreSQL;
     * SQLite has one writer at a time).
     *
     * @param ranges per partition {first offset of the batch, next offset after it}
     * @return the partitions whose stored offset was already past the batch: another consumer applied those
     *         records, so the caller must roll back
     */
    List<TopicPartition> save(Connection connection, String subscription, Map<TopicPartition, long[]> ranges)
            throws SQLException {
        List<TopicPartition> stale = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET next_offset = ? WHERE "
                + "subscription = ? AND topic = ? AND partition_id = ? AND next_offset <= ?");
             PreparedStatement exists = connection.prepareStatement("SELECT next_offset FROM " + table
                + " WHERE subscription = ? AND topic = ? AND partition_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (subscription, topic, partition_id, next_offset) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<TopicPartition, long[]> entry : ranges.entrySet()) {
                TopicPartition partition = entry.getKey();
                update.setLong(1, entry.getValue()[1]);
                update.setString(2, subscription);
                update.setString(3, partition.topic());
                update.setInt(4, partition.partition());
                update.setLong(5, entry.getValue()[0]);
                if (update.executeUpdate() == 1) {
                    continue;
                }
                exists.setString(1, subscription);
                exists.setString(2, partition.topic());
                exists.setInt(3, partition.partition());
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        stale.add(partition);
                        continue;
                    }
                }
                // The first batch of this partition; a concurrent first insert fails on the primary key and rolls back.
                insert.setString(1, subscription);
                insert.setString(2, partition.topic());
                insert.setInt(3, partition.partition());
                insert.setLong(4, entry.getValue()[1]);
                insert.executeUpdate();
            }
        }
        return stale;
    }
}
