package io.factum.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.spring.boot.FactumEventStores;
import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.subscription.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on a random port against the real PostgreSQL, called over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.banner-mode=off", "logging.level.root=WARN"})
class OrderServiceTest {

    private static final String PREFIX = "ex" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    private static DataSource dataSource;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        String url = System.getenv("FACTUM_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            properties.add("spring.datasource.url", () -> url);
        }
        properties.add("factum.store.table-prefix", () -> PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    FactumEventStores stores;

    @Autowired
    Confirmations confirmations;

    @Autowired
    Subscription orderSummariesProjection;

    @Autowired
    void keep(DataSource applicationDataSource) {
        dataSource = applicationDataSource;
    }

    @AfterAll
    static void dropTables() throws SQLException {
        TableNames tables = TableNames.withPrefix(PREFIX);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + tables.events() + ", " + tables.checkpoints() + ", "
                    + tables.parkedEvents() + ", " + PREFIX + "order_summaries CASCADE");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(String json) {
        Matcher matcher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return matcher.group(1);
    }

    @Test
    void placeConfirmShowAndSeeTheProjectionMetricsAndHealth() throws Exception {
        assertThat(stores.raw()).isInstanceOf(PostgresEventStore.class);

        HttpResponse<String> placed = post("/orders", "{\"customer\":\"ann\",\"amount\":42.50}");
        assertThat(placed.statusCode()).isEqualTo(201);
        String id = idOf(placed.body());

        HttpResponse<String> confirmed = post("/orders/" + id + "/confirm", "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"confirmed\":true");
        assertThat(confirmations.confirmed()).containsExactly(id);

        HttpResponse<String> again = post("/orders/" + id + "/confirm", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("is confirmed already");

        assertThat(get("/orders/" + id).body()).contains("\"customer\":\"ann\"").contains("\"confirmed\":true");
        assertThat(get("/orders/no-such-order").statusCode()).isEqualTo(404);
        assertThat(post("/orders", "{\"customer\":\"bob\",\"amount\":-1}").statusCode()).isEqualTo(400);

        assertThat(orderSummariesProjection.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        assertThat(get("/order-summaries").body()).contains("\"orderId\":\"" + id + "\"").contains("\"status\":\"CONFIRMED\"");

        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).contains("factum_store_append_seconds_count{outcome=\"success\",store=\"postgresql\"} 2\n");
        assertThat(prometheus).contains("factum_bus_published_total{bus=\"sync\",event_type=\"OrderConfirmed\"} 1.0");
        assertThat(prometheus).contains("factum_subscription_lag{subscription=\"order-summaries\"} 0.0");
        // both appends joined the request's transaction, so neither went through a group commit
        assertThat(prometheus).contains("factum_store_group_commit_appends_count{store=\"postgresql\"} 0\n");
        assertThat(prometheus).doesNotContain(id); // never a stream id in a tag

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"factum\":{\"details\":{\"subscriptions\":{\"order-summaries\":{\"status\":\"RUNNING\"")
                .endsWith("\"status\":\"UP\"}");

        assertThat(get("/actuator/factum").body()).contains("\"name\":\"order-summaries\"").contains("\"status\":\"RUNNING\"");
    }
}
