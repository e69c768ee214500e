package io.factum.kafka;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresKafkaProjectionTest extends KafkaProjectionContract {

    @Override
    JdbcEventStore openReadModel(Path dir) {
        return PostgresEventStore.builder(PostgresTestDatabase.dataSource())
                .tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
    }

    @Override
    void dropTables(JdbcEventStore readModel, String... extraTables) {
        PostgresTestDatabase.dropTables(readModel.dataSource(), readModel.tables());
        try (Connection connection = readModel.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + String.join(", ", extraTables));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

}
