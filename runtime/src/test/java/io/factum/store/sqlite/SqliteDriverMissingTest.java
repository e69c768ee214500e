package io.factum.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc is optional in factum-runtime: without it the SQLite store says which dependency to add. */
class SqliteDriverMissingTest {

    @Test
    void openingAStoreWithoutTheDriverOnTheClassPathNamesTheDependencyToAdd(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("java.class.path");
        List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
        String withoutSqlite = entries.stream()
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("sqlite-jdbc"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutSqlite).isNotEqualTo(classPath); // the driver was on it, and is gone

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", withoutSqlite, WithoutSqliteDriverMain.class.getName(), dir.resolve("events.db").toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("THROWN " + SqliteDriverMissingException.class.getName());
        assertThat(output).contains("add the dependency org.xerial:sqlite-jdbc to your build");
    }

    @Test
    void withTheDriverTheStoreOpens(@TempDir Path dir) {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"))) {
            assertThat(store.streamRevision("s")).isEqualTo(-1);
        }
    }
}
