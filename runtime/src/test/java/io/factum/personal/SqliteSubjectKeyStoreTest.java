package io.factum.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.jdbc.TableNames;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key store contract on SQLite, a fresh database file per test. */
class SqliteSubjectKeyStoreTest extends SubjectKeyStoreContract {

    @TempDir
    Path directory;

    private DataSource dataSource() {
        return SqliteEventStore.dataSource(directory.resolve("keys.db"));
    }

    @Override
    protected SubjectKeyStore newStore() {
        return JdbcSubjectKeyStore.sqlite(dataSource(), TableNames.defaults()).createTable();
    }

    @Override
    protected int rowCount(SubjectKeyStore store) {
        return JdbcKeyTables.rows(dataSource(), ((JdbcSubjectKeyStore) store).table());
    }

    @Test
    void createTableTwiceIsHarmless() {
        JdbcSubjectKeyStore store = JdbcSubjectKeyStore.sqlite(dataSource(), TableNames.defaults());
        store.createTable().createTable();
        store.insertIfAbsent("c-1", "k1", new byte[] {1});
        store.createTable();
        assertThat(store.find("c-1").keyId()).isEqualTo("k1");
    }

    @Test
    void aStoreWithoutItsTableSaysToCreateIt() {
        JdbcSubjectKeyStore store = JdbcSubjectKeyStore.sqlite(dataSource(), TableNames.withPrefix("nothing_"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.find("c-1"))
                .isInstanceOf(SubjectKeyStoreException.class)
                .hasMessageContaining("nothing_subject_keys").hasMessageContaining("createTable()");
    }

    @Test
    void forgettingRemovesTheWrappedKeyFromTheFileAndItsWriteAheadLog() throws Exception {
        JdbcSubjectKeyStore store = (JdbcSubjectKeyStore) newStore();
        byte[] wrapped = "WRAPPED-KEY-0123456789-abcdefghijklmnop".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        store.insertIfAbsent("c-1", "k1", wrapped);
        Path file = directory.resolve("keys.db");
        assertThat(ByteScan.contains(file, wrapped) || ByteScan.contains(Path.of(file + "-wal"), wrapped)).isTrue();

        store.forget("c-1");

        assertThat(ByteScan.contains(file, wrapped)).as("database file").isFalse();
        Path wal = Path.of(file + "-wal");
        assertThat(Files.exists(wal) && ByteScan.contains(wal, wrapped)).as("write-ahead log").isFalse();
    }
}
