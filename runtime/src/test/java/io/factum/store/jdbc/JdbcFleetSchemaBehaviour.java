package io.factum.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.SliceRange;
import io.factum.store.StoredEvent;
import io.factum.store.StreamHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a fleet needs from a JDBC store's schema: the stream hash and commit time of every event,
 * reads by slice range in SQL, the search by commit time, and the migration of tables created by
 * Factum 0.1 (idempotent, from several connections at once, refusing 0.1's inserts afterwards).
 */
public abstract class JdbcFleetSchemaBehaviour {

    private final EventTypeRegistry registry = Samples.registry();
    private final List<JdbcEventStore> stores = new ArrayList<>();

    /** A store on this test's database with table prefix {@code prefix}. */
    protected abstract JdbcEventStore newStore(String prefix);

    /** Drops the tables of {@code tables}. */
    protected abstract void dropTables(TableNames tables);

    private JdbcEventStore store(String prefix) {
        JdbcEventStore store = newStore(prefix);
        stores.add(store);
        return store;
    }

    private static String newPrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    @AfterEach
    void drop() {
        stores.stream().map(JdbcEventStore::tables).distinct().forEach(this::dropTables);
    }

    @Test
    void everyEventKeepsItsStreamHashAndACommitTimeRisingWithItsPosition() throws SQLException {
        JdbcEventStore store = store(newPrefix());
        for (int i = 0; i < 6; i++) {
            store.append("Order-" + i, ExpectedRevision.noStream(), List.of(placed("o" + i), placed("p" + i)));
        }
        Map<Long, Object[]> rows = rows(store);
        assertThat(rows).hasSize(12);
        Instant previous = Instant.MIN;
        for (Object[] row : rows.values()) {
            assertThat(row[1]).isEqualTo(StreamHash.of((String) row[0]));
            Instant committed = (Instant) row[2];
            assertThat(committed).isNotNull().isAfterOrEqualTo(previous);
            previous = committed;
        }
        assertThat(store.lastPosition()).isEqualTo(rows.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void theLastPositionCommittedBeforeATimeIsFoundByTheStoredCommitTimes() throws SQLException {
        JdbcEventStore store = store(newPrefix());
        assertThat(store.lastPosition()).isZero();
        assertThat(store.lastPositionCommittedBefore(Instant.now())).isZero();
        for (int i = 0; i < 9; i++) {
            store.append("Order-" + i, ExpectedRevision.noStream(), List.of(placed("o" + i)));
        }
        Map<Long, Object[]> rows = rows(store);
        for (Object[] row : rows.values()) {
            Instant time = (Instant) row[2];
            long expected = 0;
            for (Map.Entry<Long, Object[]> other : rows.entrySet()) {
                if (((Instant) other.getValue()[2]).isBefore(time)) {
                    expected = Math.max(expected, other.getKey());
                }
            }
            assertThat(store.lastPositionCommittedBefore(time)).as("before %s", time).isEqualTo(expected);
        }
        Instant last = (Instant) rows.values().stream().reduce((a, b) -> b).orElseThrow()[2];
        assertThat(store.lastPositionCommittedBefore(last.plus(1, ChronoUnit.MICROS))).isEqualTo(store.lastPosition());
        assertThat(store.lastPositionCommittedBefore(Instant.EPOCH)).isZero();
    }

    @Test
    void aSliceRangeReadsOnlyItsStreamsInGlobalOrderAndTheRangesTogetherReadEverything() {
        JdbcEventStore store = store(newPrefix());
        for (int i = 0; i < 40; i++) {
            store.append("Order-" + i, ExpectedRevision.noStream(), List.of(placed("o" + i)));
        }
        for (int i = 0; i < 40; i++) {
            store.append("Order-" + i, ExpectedRevision.exactly(0), List.of(placed("q" + i)));
        }
        Set<Long> all = new HashSet<>();
        store.readAll(0, 1000).forEach(e -> all.add(e.globalPosition()));
        Set<Long> union = new HashSet<>();
        int[][] ranges = {{0, 3}, {4, 4}, {5, 10}, {11, 15}};
        for (int[] bounds : ranges) {
            SliceRange range = new SliceRange(bounds[0], bounds[1], 16);
            List<StoredEvent> read = new ArrayList<>();
            long after = 0;
            List<StoredEvent> batch;
            do {
                batch = store.readSlices(after, range, 7);
                read.addAll(batch);
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).globalPosition();
                }
            } while (batch.size() == 7);
            for (int i = 0; i < read.size(); i++) {
                assertThat(range.contains(StreamHash.of(read.get(i).streamId()))).isTrue();
                if (i > 0) {
                    assertThat(read.get(i).globalPosition()).isGreaterThan(read.get(i - 1).globalPosition());
                }
                assertThat(union.add(read.get(i).globalPosition())).isTrue();
            }
        }
        assertThat(union).isEqualTo(all);
    }

    @Test
    void tablesOfTheEarlierVersionAreRefusedWithWhatToRunAndMigratedInPlace() throws SQLException {
        String prefix = newPrefix();
        JdbcEventStore store = store(prefix);
        LegacySchema.create(store);
        for (int stream = 0; stream < 3; stream++) {
            for (int revision = 0; revision < 4; revision++) {
                LegacySchema.insert(store, "Order-" + stream, revision);
            }
        }
        assertThatThrownBy(() -> store.readAll(0, 10))
                .isInstanceOf(SchemaMigrationRequiredException.class)
                .hasMessageContaining(store.tables().events() + " has no column stream_hash, column committed_at")
                .hasMessageContaining("store.migrateSchema()");
        JdbcEventStore explicit = store(prefix);
        assertThatThrownBy(explicit::createSchema).isInstanceOf(SchemaMigrationRequiredException.class);

        JdbcEventStore.MigrationReport report = newStore(prefix).migrateSchema();

        assertThat(report).isEqualTo(new JdbcEventStore.MigrationReport(true, 3));
        List<StoredEvent> old = newStore(prefix).readAll(0, 100);
        assertThat(old).hasSize(12);
        assertThat(old.get(5).streamId()).isEqualTo("Order-1");
        assertThat(old.get(5).streamRevision()).isEqualTo(1);
        Map<Long, Object[]> rows = rows(store);
        for (Object[] row : rows.values()) {
            assertThat(row[1]).isEqualTo(StreamHash.of((String) row[0]));
            assertThat(row[2]).as("commit time of an event stored before the migration").isNull();
        }
        JdbcEventStore migrated = newStore(prefix);
        migrated.append("Order-1", ExpectedRevision.exactly(3), List.of(placed("new")));
        assertThat(migrated.readSlices(0, SliceRange.all(4), 100)).hasSize(13);
        assertThat(migrated.lastPositionCommittedBefore(Instant.now().plusSeconds(60))).isEqualTo(migrated.lastPosition());
        assertThat(migrated.lastPositionCommittedBefore(Instant.EPOCH)).as("old events count as earlier").isEqualTo(12);

        assertThat(newStore(prefix).migrateSchema()).isEqualTo(new JdbcEventStore.MigrationReport(false, 0));
        assertThatThrownBy(() -> LegacySchema.insert(store, "Order-9", 0))
                .as("a process of the earlier version appending after the migration").isInstanceOf(SQLException.class)
                .hasMessageContaining("stream_hash");
        assertThat(newStore(prefix).readAll(0, 100)).hasSize(13);
    }

    @Test
    void severalMigratingAtOnceMigrateOnce() throws Exception {
        String prefix = newPrefix();
        JdbcEventStore store = store(prefix);
        LegacySchema.create(store);
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            for (int stream = 0; stream < 200; stream++) {
                LegacySchema.insert(store, connection, "Order-" + stream, 0);
            }
            connection.commit();
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JdbcEventStore.MigrationReport>> reports = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                JdbcEventStore own = newStore(prefix);
                reports.add(pool.submit(() -> {
                    start.await();
                    return own.migrateSchema();
                }));
            }
            start.countDown();
            int added = 0;
            int backfilled = 0;
            for (Future<JdbcEventStore.MigrationReport> report : reports) {
                JdbcEventStore.MigrationReport done = report.get(60, TimeUnit.SECONDS);
                added += done.addedColumns() ? 1 : 0;
                backfilled += done.streamsBackfilled();
            }
            assertThat(added).isEqualTo(1);
            assertThat(backfilled).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(store).values()).allSatisfy(row -> assertThat(row[1]).isEqualTo(StreamHash.of((String) row[0])));
    }

    @Test
    void aNewStoreOnAnEmptyDatabaseMigratesByCreating() {
        JdbcEventStore store = store(newPrefix());
        assertThat(store.migrateSchema()).isEqualTo(new JdbcEventStore.MigrationReport(false, 0));
        store.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
        assertThat(store.readSlices(0, new SliceRange(SliceRange.sliceOf("Order-1", 8), SliceRange.sliceOf("Order-1", 8), 8), 10))
                .hasSize(1);
    }

    private io.factum.store.NewEvent placed(String orderId) {
        return registry.encode(new OrderPlaced(orderId, "alice"), Metadata.empty());
    }

    /** position → {stream_id, stream_hash (Integer or null), committed_at (Instant or null)}, by position. */
    private static Map<Long, Object[]> rows(JdbcEventStore store) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT position, stream_id, stream_hash, committed_at FROM "
                     + store.tables().events() + " ORDER BY position");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Integer hash = row.getInt(3);
                if (row.wasNull()) {
                    hash = null;
                }
                row.getObject(4);
                Instant committed = row.wasNull() ? null : store.dialect().getTimestamp(row, 4);
                rows.put(row.getLong(1), new Object[] {row.getString(2), hash, committed});
            }
        }
        return rows;
    }
}
