package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.spring.boot.subscription.FactumSubscriptions;
import io.factum.subscription.Subscription;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bad configuration fails start-up with what to configure. */
class StartupFailureTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FactumAutoConfiguration.class));

    private static FactumConfigurationException factumFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FactumConfigurationException factum) {
                return factum;
            }
        }
        throw new AssertionError("No FactumConfigurationException in " + failure, failure);
    }

    /** A DataSource whose database calls itself {@code product}; test code, so a proxy is fine. */
    static DataSource databaseNamed(String product, String url) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(StartupFailureTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getURL" -> url;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(StartupFailureTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(StartupFailureTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class H2DataSource {
        @Bean
        DataSource dataSource() {
            return databaseNamed("H2", "jdbc:h2:mem:orders");
        }
    }

    @Test
    void anUnsupportedDatabaseFailsStartUpNamingItAndWhatToConfigure() {
        runner.withUserConfiguration(H2DataSource.class).run(context -> {
            assertThat(context).hasFailed();
            FactumConfigurationException failure = factumFailure(context.getStartupFailure());
            assertThat(failure.description()).isEqualTo("The DataSource is a H2 database (jdbc:h2:mem:orders), which Factum "
                    + "cannot store events in: it supports PostgreSQL and SQLite.");
            assertThat(failure.action()).contains("spring.datasource.url").contains("factum.store.type=memory");
            FailureAnalysis analysis = new FactumConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(failure.description());
            assertThat(analysis.getAction()).isEqualTo(failure.action());
        });
    }

    @Test
    void anUnsupportedDatabaseIsFineOnTheInMemoryStore() {
        runner.withUserConfiguration(H2DataSource.class).withPropertyValues("factum.store.type=memory")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aJdbcStoreTypeWithoutADataSourceFailsStartUp() {
        runner.withPropertyValues("factum.store.type=postgresql").run(context -> {
            FactumConfigurationException failure = factumFailure(context.getStartupFailure());
            assertThat(failure.description()).isEqualTo("factum.store.type=postgresql needs a DataSource, and the application has none.");
            assertThat(failure.action()).contains("spring-boot-starter-jdbc").contains("spring.datasource.url");
        });
    }

    @Test
    void aStoreTypeOtherThanTheDatabaseFailsStartUp() {
        runner.withBean(DataSource.class, () -> databaseNamed("SQLite", "jdbc:sqlite:x.db"))
                .withPropertyValues("factum.store.type=postgresql").run(context -> {
                    FactumConfigurationException failure = factumFailure(context.getStartupFailure());
                    assertThat(failure.description()).isEqualTo("factum.store.type=postgresql, but the DataSource is a sqlite database.");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoSubscriptionsOneName {
        @Bean
        Subscription first(FactumSubscriptions subscriptions) {
            return subscriptions.handler("audit", event -> {}).build();
        }

        @Bean
        Subscription second(FactumSubscriptions subscriptions) {
            return subscriptions.handler("audit", event -> {}).build();
        }
    }

    @Test
    void twoSubscriptionsWithOneNameFailStartUp() {
        runner.withUserConfiguration(TwoSubscriptionsOneName.class).run(context -> {
            FactumConfigurationException failure = factumFailure(context.getStartupFailure());
            assertThat(failure.description()).isEqualTo("Beans 'first' and 'second' are both subscriptions named 'audit'; "
                    + "they would share one checkpoint and skip each other's events.");
            assertThat(failure.action()).isEqualTo("Give each Subscription bean a name of its own.");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ProjectionInMemory {
        @Bean
        Subscription view(FactumSubscriptions subscriptions) {
            return subscriptions.projection("view", (event, connection) -> {}).build();
        }
    }

    @Test
    void aProjectionOnTheInMemoryStoreFailsStartUp() {
        runner.withUserConfiguration(ProjectionInMemory.class).run(context -> {
            FactumConfigurationException failure = factumFailure(context.getStartupFailure());
            assertThat(failure.description()).startsWith("Subscription 'view' is a JdbcProjection");
        });
    }
}
