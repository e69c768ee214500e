package io.factum.example.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.example.cli.ExampleCli;
import io.factum.kafka.testbroker.TestBroker;
import io.factum.kafka.testbroker.TestBrokerExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-process setup against the test broker: the shop's {@code relay} in one child JVM, the
 * Notifications/Analytics {@code worker} with its own database in another, and the demo run on the shop's
 * store. The worker's read models, built from Kafka alone, must equal those the shop builds from its store, also
 * after the worker is killed with SIGKILL and started again while more events come (nothing applied twice: a
 * repeated item would change an order's total).
 */
@ExtendWith(TestBrokerExtension.class)
class KafkaWorkerProcessTest {

    private static final String SALES = "SELECT order_id, status, currency, total, paid FROM shop_analytics_orders";
    private static final String NOTIFICATIONS = "SELECT event_id, order_id, kind, recipient, message FROM shop_notifications";

    @TempDir
    Path dir;

    @Test
    void theWorkersReadModelsFromKafkaEqualTheShopsFromItsStore(TestBroker broker) throws Exception {
        String shop = "jdbc:sqlite:" + dir.resolve("shop.db");
        String worker = "jdbc:sqlite:" + dir.resolve("worker.db");
        assertThat(demo(shop)).isZero();
        Process relay = cli("relay", "--store", shop, "relay", "--kafka", broker.bootstrapServers());
        Process consumer = cli("worker", "--store", shop, "worker", "--kafka", broker.bootstrapServers(),
                "--read-model", worker);
        try {
            awaitSame(shop, worker);
            assertThat(rows(worker, NOTIFICATIONS)).isNotEmpty();

            consumer.destroyForcibly(); // SIGKILL
            assertThat(consumer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(demo(shop)).isZero(); // more orders while the worker is down
            consumer = cli("worker-again", "--store", shop, "worker", "--kafka", broker.bootstrapServers(), "--read-model", worker);
            awaitSame(shop, worker);
        } finally {
            relay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            consumer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int demo(String shop) {
        StringWriter out = new StringWriter();
        int code = ExampleCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "--store", shop, "demo");
        assertThat(code).as("%s", out).isZero();
        return code;
    }

    private static void awaitSame(String shop, String worker) throws InterruptedException {
        List<String> expectedSales = rows(shop, SALES);
        List<String> expectedNotifications = rows(shop, NOTIFICATIONS);
        assertThat(expectedSales).isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (rows(worker, SALES).equals(expectedSales) && rows(worker, NOTIFICATIONS).equals(expectedNotifications)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(rows(worker, SALES)).isEqualTo(expectedSales);
        assertThat(rows(worker, NOTIFICATIONS)).isEqualTo(expectedNotifications);
    }

    /** Every row of {@code query} as text, sorted; empty while the table does not exist yet. */
    private static List<String> rows(String url, String query) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query + " ORDER BY 1")) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    text.append(row.getString(i)).append('|');
                }
                rows.add(text.toString());
            }
        } catch (SQLException e) {
            return List.of();
        }
        return rows;
    }

    private Process cli(String log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExampleCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log + ".log").toFile()).start();
    }
}
