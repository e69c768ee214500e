package io.factum.kafka;

import static io.factum.kafka.KafkaSubscriptionTest.await;
import static io.factum.kafka.KafkaSubscriptionTest.relay;
import static io.factum.kafka.KafkaSubscriptionTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three consumer processes of one projection's group; one is killed with SIGKILL mid-stream and started again.
 * Every event must change the PostgreSQL read model exactly once.
 */
@ExtendWith(TestBrokerExtension.class)
class ProjectionKillTest {

    private static final int EVENTS = 600;

    @TempDir
    Path dir;

    @Test
    void aMemberKilledMidBatchAndRestartedAppliesNothingTwice(TestBroker broker) throws Exception {
        String topic = unique();
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            for (int stream = 0; stream < 12; stream++) {
                RelayTestEvents.append(store, "Order-" + stream, "Happened", EVENTS / 12);
            }
            relay(store, broker, topic);
        }
        DataSource database = PostgresTestDatabase.dataSource();
        String prefix = PostgresTestDatabase.uniquePrefix();
        String seen = prefix + "seen";
        execute(database, "CREATE TABLE " + seen + " (event_id VARCHAR(36) NOT NULL, stream_id VARCHAR(200) NOT NULL,"
                + " revision BIGINT NOT NULL)");
        String name = unique();
        List<Process> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                members.add(startMember(broker, name, topic, prefix));
            }
            await(() -> count(database, "COUNT(*)", seen) >= 150, "150 events were applied");
            members.get(0).destroyForcibly(); // SIGKILL, most likely inside a batch's transaction
            assertThat(members.get(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
            await(() -> count(database, "COUNT(*)", seen) >= 350, "350 events were applied");
            members.set(0, startMember(broker, name, topic, prefix));
            await(() -> count(database, "COUNT(*)", seen) >= EVENTS, "every event was applied");
            Thread.sleep(3_000); // a duplicate would show up now
            assertThat(count(database, "COUNT(*)", seen)).isEqualTo(EVENTS);
            assertThat(count(database, "COUNT(DISTINCT event_id)", seen)).isEqualTo(EVENTS);
        } finally {
            for (Process member : members) {
                member.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            PostgresTestDatabase.dropTables(database, TableNames.withPrefix(prefix));
            execute(database, "DROP TABLE IF EXISTS " + seen + ", " + prefix + "kafka_offsets");
        }
    }

    private Process startMember(TestBroker broker, String name, String topic, String prefix) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ProjectionChildMain.class.getName(), broker.bootstrapServers(), name, topic, prefix);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("member-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(DataSource database, String what, String table) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + what + " FROM " + table)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
