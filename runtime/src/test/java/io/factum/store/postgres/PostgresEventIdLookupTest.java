package io.factum.store.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotency lookup of an append ({@code event_id IN (...)}) never becomes a server-side
 * prepared statement: PostgreSQL would settle on one generic plan for it, and a plan made while the
 * table was small scans the whole table on every append once it is large.
 */
class PostgresEventIdLookupTest {

    /** More than the driver's default prepare threshold (5), so statements used this often get server-prepared. */
    private static final int APPENDS = 10;

    private final DataSource dataSource = PostgresTestDatabase.dataSource();
    private PostgresEventStore store;

    @BeforeEach
    void newStore() {
        store = PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
        store.createSchema();
    }

    @AfterEach
    void dropStore() {
        PostgresTestDatabase.dropTables(dataSource, store.tables());
    }

    @Test
    void theLookupIsPlannedForEveryAppendWhileTheInsertIsPreparedOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long revision = -1;
            for (int i = 0; i < APPENDS; i++) {
                ExpectedRevision expected = revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revision);
                revision = store.append(connection, "Order-1", expected, events(10)).lastRevision();
                connection.commit();
            }
            assertThat(revision).isEqualTo(APPENDS * 10 - 1);

            // The control: the multi-row insert ran as often on this connection and is server-prepared.
            assertThat(serverPrepared(connection, "INSERT INTO " + store.tables().events() + "%")).isEqualTo(1);
            assertThat(serverPrepared(connection, "SELECT event_id, stream_id, revision, position FROM "
                    + store.tables().events() + " WHERE event_id IN%")).isZero();
        }
    }

    private static int serverPrepared(Connection connection, String statementPattern) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?")) {
            select.setString(1, statementPattern);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(UUID.randomUUID(), "ItemAdded", 1, Instant.parse("2026-01-01T00:00:00Z"),
                    Metadata.empty(), "{}".getBytes(UTF_8)));
        }
        return events;
    }
}
