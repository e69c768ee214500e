package io.factum.store.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcGroupCommitBehaviour;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@link JdbcGroupCommitBehaviour} on the real PostgreSQL server, plus failures only PostgreSQL produces. */
class PostgresGroupCommitTest extends JdbcGroupCommitBehaviour {

    private final DataSource dataSource = PostgresTestDatabase.dataSource();

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected JdbcEventStore newStore(DataSource dataSource, String prefix, boolean groupCommit) {
        return PostgresEventStore.builder(dataSource).tablePrefix(prefix).groupCommit(groupCommit).build();
    }

    @Override
    protected void dropTables(TableNames tables) {
        PostgresTestDatabase.dropTables(dataSource, tables);
    }

    @Test
    void aRowPostgresRefusesFailsOnlyItsOwnAppend() throws Exception {
        Leader leader = holdLeader();
        List<NewEvent> good = events("Good-1", 2);
        Future<Object> first = queue("Good-1", ExpectedRevision.noStream(), good);
        // PostgreSQL text cannot hold U+0000: the whole multi-row insert fails.
        NewEvent nul = new NewEvent(UUID.randomUUID(), "Bad\u0000Type", 1, Instant.now(), Metadata.empty(),
                "{\"card\":\"4111-1111\"}".getBytes(UTF_8));
        Future<Object> refused = queue("Bad-1", ExpectedRevision.noStream(), List.of(nul));
        Future<Object> second = queue("Good-2", ExpectedRevision.noStream(), events("Good-2", 1));
        leader.release();

        leader.outcome();
        awaitAll(first, refused, second);
        assertThat(outcome(first)).isEqualTo(new AppendResult("Good-1", 1, stream("Good-1").get(1).globalPosition()));
        assertThat(outcome(second)).isEqualTo(new AppendResult("Good-2", 0, stream("Good-2").get(0).globalPosition()));
        assertThat(outcome(refused)).isInstanceOfSatisfying(JdbcStoreException.class, e -> assertThat(e)
                .hasMessageContaining("Cannot append to stream 'Bad-1'")
                .hasMessageContaining("nothing was written")
                // the database's reason, not a rendering of the statement with every bound value
                .hasMessageNotContaining("4111-1111")
                .hasMessageNotContaining("INSERT INTO")
                .satisfies(failure -> assertThat(failure.getCause()).hasMessageNotContaining("4111-1111")));
        assertThat(ids(stream("Good-1"))).containsExactlyElementsOf(ids(good));
        assertThat(store.streamRevision("Bad-1")).isEqualTo(-1);
    }

    @Test
    void anotherProcessStoringAnAppendOfTheBatchFirstMakesItAnIdempotentRepeat() throws Exception {
        Leader leader = holdLeader();
        Future<Object> first = queue("Calm-1", ExpectedRevision.noStream(), events("Calm-1", 1));
        List<NewEvent> raced = events("Race-1", 2);
        Future<Object> race = queue("Race-1", ExpectedRevision.noStream(), raced);
        Future<Object> second = queue("Calm-2", ExpectedRevision.noStream(), events("Calm-2", 1));
        // Between the batch's id lookup and its insert, "another process" stores Race-1's append, as a retry would.
        scripted.beforeInsertOf("Race-1", () -> insertBehindTheStoresBack(raced));
        leader.release();
        leader.outcome();
        awaitAll(first, race, second);

        assertThat(outcome(first)).isInstanceOf(AppendResult.class);
        assertThat(outcome(second)).isInstanceOf(AppendResult.class);
        List<StoredEvent> stored = stream("Race-1");
        assertThat(ids(stored)).containsExactlyElementsOf(ids(raced));
        assertThat(outcome(race)).as("the unique violation rolled the batch back; alone, the append found itself stored")
                .isEqualTo(new AppendResult("Race-1", 1, stored.get(1).globalPosition()));
        assertThat(readAll()).hasSize(1 + 1 + 2 + 1);
    }

    private void insertBehindTheStoresBack(List<NewEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + store.tables().events()
                     + " (event_id, stream_id, revision, type, schema_version, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                NewEvent event = events.get(i);
                insert.setObject(1, event.eventId());
                insert.setString(2, "Race-1");
                insert.setLong(3, i);
                insert.setString(4, event.type());
                insert.setInt(5, event.schemaVersion());
                insert.setObject(6, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
                insert.setBytes(7, event.payload());
                insert.executeUpdate();
            }
        }
    }
}
