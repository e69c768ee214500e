package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring Boot project of docs/spring-boot.md, started on a random port against the test PostgreSQL
 * (only the database URL and the table prefix differ from the page's application.properties): an order
 * placed and confirmed over HTTP, the @Subscribe bean and the subscription bean hear of it, and Actuator
 * shows the subscription and Factum's metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdersApplicationTest {

    private static final String PREFIX = "readme_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry properties) {
        String url = System.getenv("FACTUM_TEST_PG_URL");
        properties.add("spring.datasource.url", () -> url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        properties.add("factum.store.table-prefix", () -> PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    Confirmations confirmations;

    @Autowired
    OrderHistory history;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void dropTables() {
        new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS " + PREFIX + "events, " + PREFIX + "checkpoints, "
                + PREFIX + "parked_events, " + PREFIX + "leases, " + PREFIX + "lease_members CASCADE");
    }

    @Test
    void anOrderPlacedAndConfirmedOverHttpReachesTheSubscribersAndActuatorShowsIt() throws Exception {
        assertEquals("PENDING", call("POST", "/orders/o-1?customer=ann", 200));
        assertEquals("CONFIRMED", call("POST", "/orders/o-1/confirm", 200));
        assertEquals(List.of("o-1"), confirmations.confirmed);

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (history.types.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of("OrderCreated", "OrderItemAdded", "OrderConfirmed"), history.types);

        String health = call("GET", "/actuator/health", 200);
        assertTrue(health.contains("\"status\":\"UP\""), health);
        String factum = call("GET", "/actuator/factum", 200);
        assertTrue(factum.contains("\"name\":\"order-history\"") && factum.contains("\"status\":\"RUNNING\"")
                && factum.contains("\"mode\":\"exclusive\""), factum);
        String prometheus = call("GET", "/actuator/prometheus", 200);
        assertEquals(2, sample(prometheus, "factum_store_append_seconds_count{outcome=\"success\",store=\"postgresql\"}"));
        assertEquals(1, sample(prometheus, "factum_aggregate_load_seconds_count{aggregate=\"Order\",outcome=\"found\"}"));
        assertEquals(1, sample(prometheus, "factum_bus_published_total{bus=\"sync\",event_type=\"OrderConfirmed\"}"));
    }

    /** The value of the Prometheus sample {@code series} (name and labels as printed). */
    private static double sample(String prometheus, String series) {
        return prometheus.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]))
                .orElseThrow(() -> new AssertionError("no sample " + series + " in\n" + prometheus));
    }

    private String call(String method, String path, int expectedStatus) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }
}
