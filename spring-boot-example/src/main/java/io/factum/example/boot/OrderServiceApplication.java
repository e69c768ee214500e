package io.factum.example.boot;

import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.subscription.Subscription;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The order service: {@code java -jar}, with {@code spring.datasource.url} pointing at PostgreSQL. */
@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    @Bean
    OrderSummaries orderSummaries(DataSource dataSource, @Value("${factum.store.table-prefix:factum_}") String prefix) {
        OrderSummaries summaries = new OrderSummaries(dataSource, prefix + "order_summaries");
        summaries.createTable();
        return summaries;
    }

    /** The projection, run with the context (a SmartLifecycle the starter adds). */
    @Bean
    Subscription orderSummariesProjection(FactumSubscriptions subscriptions, OrderSummaries summaries) {
        return subscriptions.projection("order-summaries", summaries).pollInterval(Duration.ofMillis(200)).build();
    }
}
