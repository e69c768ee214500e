package io.factum.personal;

import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The key store contract on the real PostgreSQL server, a table prefix of its own per test. */
class PostgresSubjectKeyStoreTest extends SubjectKeyStoreContract {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();
    private final List<String> tables = new ArrayList<>();

    @Override
    protected SubjectKeyStore newStore() {
        JdbcSubjectKeyStore store = JdbcSubjectKeyStore.postgres(dataSource,
                TableNames.withPrefix(PostgresTestDatabase.uniquePrefix())).createTable().createTable();
        tables.add(store.table());
        return store;
    }

    @Override
    protected int rowCount(SubjectKeyStore store) {
        return JdbcKeyTables.rows(dataSource, ((JdbcSubjectKeyStore) store).table());
    }

    @AfterEach
    void dropTables() {
        tables.forEach(table -> JdbcKeyTables.drop(dataSource, table));
    }
}
