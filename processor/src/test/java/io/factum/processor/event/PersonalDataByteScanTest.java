package io.factum.processor.event;

import static io.factum.processor.event.PersonalDataCodecTest.CODEC;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.codec.Json;
import io.factum.store.Metadata;
import io.factum.personal.InMemorySubjectKeyStore;
import io.factum.personal.MasterKey;
import io.factum.personal.PersonalData;
import io.factum.personal.SubjectKeys;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The proof of forgetting at the byte level: sealed events and a projection of them in real databases; after
 * {@code forget} and a rebuild of the projection, the raw bytes of the SQLite file and its {@code -wal} (after
 * VACUUM) and a {@code pg_dump} hold neither the forgotten plaintext nor its base64, while another customer's
 * data is still there (so the scan would have found it).
 */
class PersonalDataByteScanTest {

    private static final List<String> FORGOTTEN = List.of("Ada Lovelace", "ada@example.com", "12 St James's Square");
    private static final String KEPT = "Bob the Builder";

    @TempDir
    Path directory;

    private final SubjectKeys keys = SubjectKeys.of(new InMemorySubjectKeyStore(), MasterKey.of(new byte[32]));
    private final PersonalData.Installed installed = PersonalData.use(keys);

    @AfterEach
    void uninstall() {
        installed.close();
    }

    private static Object customer(String id, String name, String email, String street) {
        try {
            Class<?> address = PersonalDataCodecTest.LOADER.loadClass("test.Address");
            Class<?> type = PersonalDataCodecTest.LOADER.loadClass("test.CustomerRegistered");
            Object home = address.getConstructor(String.class, String.class).newInstance(street, "London");
            return type.getConstructor(String.class, String.class, Optional.class, String.class, List.class, Optional.class,
                    String.class).newInstance(id, name, Optional.of(email), null, List.of(), Optional.of(home), "gold");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void appendCustomers(EventStore store) {
        for (Object event : List.of(customer("c-1", "Ada Lovelace", "ada@example.com", "12 St James's Square"),
                customer("c-2", KEPT, "bob@example.com", "1 Site Road"))) {
            String id = (String) PersonalDataCodecTest.component(event, "customerId");
            store.append("customer-" + id, ExpectedRevision.noStream(), List.of(new NewEvent(UUID.randomUUID(),
                    "CustomerRegistered", 1, Instant.now(), Metadata.empty(), Json.encode(CODEC, event))));
        }
    }

    /** A read model holding decoded (plain) values, rebuilt from the events. */
    private static void rebuildProjection(EventStore store, DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TEXT PRIMARY KEY, name TEXT, email TEXT, street TEXT)");
            s.execute("DELETE FROM " + table);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
                for (StoredEvent stored : store.readAll(0, 100)) {
                    Object event = Json.decode(CODEC, stored);
                    insert.setString(1, (String) PersonalDataCodecTest.component(event, "customerId"));
                    insert.setString(2, (String) PersonalDataCodecTest.component(event, "name"));
                    insert.setString(3, ((Optional<?>) PersonalDataCodecTest.component(event, "email")).map(Object::toString).orElse(null));
                    insert.setString(4, ((Optional<?>) PersonalDataCodecTest.component(event, "address"))
                            .map(a -> (String) PersonalDataCodecTest.component(a, "street")).orElse(null));
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The plaintexts and their base64 (the reversible encoding a JSON tool would produce for bytes). */
    private static List<byte[]> needles(List<String> texts) {
        List<byte[]> needles = new ArrayList<>();
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            needles.add(utf8);
            needles.add(Base64.getEncoder().withoutPadding().encode(utf8));
        }
        return needles;
    }

    private static List<String> found(byte[] haystack, List<String> texts) {
        List<String> found = new ArrayList<>();
        List<byte[]> needles = needles(texts);
        for (int i = 0; i < needles.size(); i++) {
            if (indexOf(haystack, needles.get(i)) >= 0) {
                found.add(texts.get(i / 2) + (i % 2 == 0 ? "" : " (base64)"));
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytesOf(Path... files) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            if (Files.exists(file)) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    @Test
    void sqliteFileAndWriteAheadLogHoldNoTraceAfterForgetAndRebuild() throws Exception {
        Path file = directory.resolve("shop.db");
        DataSource dataSource = SqliteEventStore.dataSource(file);
        EventStore store = SqliteEventStore.builder(dataSource).build();
        ((JdbcEventStore) store).createSchema();
        appendCustomers(store);
        Path wal = Path.of(file + "-wal");
        assertThat(found(bytesOf(file, wal), FORGOTTEN)).as("the events alone hold no plaintext").isEmpty();

        rebuildProjection(store, dataSource, "customers");
        assertThat(found(bytesOf(file, wal), FORGOTTEN)).as("the scan finds the projection's copy").isNotEmpty();

        keys.forget("c-1");
        rebuildProjection(store, dataSource, "customers");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] all = bytesOf(file, wal);
        assertThat(found(all, FORGOTTEN)).isEmpty();
        assertThat(found(all, List.of(KEPT))).as("another customer's data is still there").isNotEmpty();
    }

    @Test
    void aPgDumpHoldsNoTraceAfterForgetAndRebuild() throws Exception {
        String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        PostgresEventStore store = PostgresEventStore.builder(dataSource).tablePrefix(prefix).build();
        store.createSchema();
        String projection = prefix + "customers";
        try {
            appendCustomers(store);
            rebuildProjection(store, dataSource, projection);
            assertThat(found(pgDump(prefix), FORGOTTEN)).as("the scan finds the projection's copy").isNotEmpty();

            keys.forget("c-1");
            rebuildProjection(store, dataSource, projection);
            byte[] dump = pgDump(prefix);
            assertThat(found(dump, FORGOTTEN)).isEmpty();
            assertThat(found(dump, List.of(KEPT))).isNotEmpty();
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + projection + ", " + store.tables().events() + ", "
                        + store.tables().checkpoints() + ", " + store.tables().parkedEvents() + ", "
                        + store.tables().leases() + ", " + store.tables().leaseMembers() + " CASCADE");
            }
        }
    }

    private byte[] pgDump(String prefix) throws Exception {
        Path out = directory.resolve("dump-" + System.nanoTime() + ".sql");
        String binary = Files.exists(Path.of("/usr/lib/postgresql/15/bin/pg_dump")) ? "/usr/lib/postgresql/15/bin/pg_dump" : "pg_dump";
        Process dump = new ProcessBuilder(binary, "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-t", prefix + "*", "-f",
                out.toString()).redirectErrorStream(true).start();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return Files.readAllBytes(out);
    }
}
