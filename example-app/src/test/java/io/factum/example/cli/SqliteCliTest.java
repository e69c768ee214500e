package io.factum.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.example.app.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end tests on a SQLite file in a fresh directory, the default store. */
class SqliteCliTest extends CliEndToEndTest {

    @TempDir
    Path directory;

    @Override
    List<String> storeOptions() {
        return List.of("--store", location().url());
    }

    @Override
    StoreLocation location() {
        return new StoreLocation("jdbc:sqlite:" + directory.resolve("shop.db"), null);
    }

    @Test
    void theDefaultStoreIsAFileThatStaysWhenTheProcessEnds() {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        assertThat(directory.resolve("shop.db")).exists();
        assertThat(ok("customer", "show", "alice").out()).contains("email      alice@example.com");
    }
}
