package io.factum.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs first-using the same 100 subjects at the same moment in one key table end with one key per subject. */
class TwoProcessFirstUseTest {

    private static final int SUBJECTS = 100;

    @TempDir
    Path directory;

    @Test
    void onSqlite() throws Exception {
        Path file = directory.resolve("keys.db");
        DataSource dataSource = SqliteEventStore.dataSource(file);
        JdbcSubjectKeyStore.sqlite(dataSource, TableNames.defaults()).createTable();
        runTwo(List.of("sqlite", file.toString(), TableNames.DEFAULT_PREFIX), dataSource, TableNames.DEFAULT_PREFIX);
    }

    @Test
    void onPostgres() throws Exception {
        String prefix = PostgresTestDatabase.uniquePrefix();
        DataSource dataSource = PostgresTestDatabase.dataSource();
        try {
            runTwo(List.of("postgres", "-", prefix), dataSource, prefix);
        } finally {
            JdbcKeyTables.drop(dataSource, prefix + "subject_keys");
        }
    }

    private void runTwo(List<String> target, DataSource dataSource, String prefix) throws Exception {
        long startAt = System.currentTimeMillis() + 4_000;  // both JVMs are up by then
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path output = directory.resolve("child-" + i + ".txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FirstUseMain.class.getName()));
            command.addAll(target);
            command.addAll(List.of(String.valueOf(SUBJECTS), String.valueOf(startAt)));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start());
            outputs.add(output);
        }
        for (Process process : processes) {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("child finished").isTrue();
        }
        Map<String, String> first = SubjectKeyStoreContract.keyIds(lines(outputs.get(0)));
        Map<String, String> second = SubjectKeyStoreContract.keyIds(lines(outputs.get(1)));
        assertThat(lines(outputs.get(0))).as("first child's output").contains("done");
        assertThat(lines(outputs.get(1))).as("second child's output").contains("done");
        assertThat(first).hasSize(SUBJECTS).isEqualTo(second);
        assertThat(JdbcKeyTables.rows(dataSource, prefix + "subject_keys")).isEqualTo(SUBJECTS);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
