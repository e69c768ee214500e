package io.factum.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.example.app.StoreLocation;
import io.factum.personal.ByteScan;
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

    @Test
    void twoReplicasServingAtOnceShareTheSubscriptionsOneActiveForEach() throws Exception {
        ok("customer", "register", "alice", "--name", "Alice", "--email", "alice@example.com");
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = replicas.submit(() -> CliRun.run(storeOptions(), "projections", "serve", "--seconds", "3"));
            var second = replicas.submit(() -> CliRun.run(storeOptions(), "projections", "serve", "--seconds", "3"));
            CliRun one = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            CliRun two = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(one.exitCode()).as("%s", one).isZero();
            assertThat(two.exitCode()).as("%s", two).isZero();
            java.util.Set<String> activeOne = active(one);
            java.util.Set<String> activeTwo = active(two);
            java.util.Set<String> both = new java.util.TreeSet<>(activeOne);
            both.retainAll(activeTwo);
            assertThat(both).as("active in both replicas: %s%n%s", one, two).isEmpty();
            java.util.Set<String> all = new java.util.TreeSet<>(activeOne);
            all.addAll(activeTwo);
            assertThat(all).as("%s%n%s", one, two).containsAll(java.util.List.of("notifications", "analytics"));
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void afterForgetNoPlaintextOfTheCustomerIsLeftInTheFileOrItsWriteAheadLog() throws Exception {
        twoCustomersWhoPaid();
        Path file = directory.resolve("shop.db");
        Path wal = directory.resolve("shop.db-wal");
        assertThat(found(bytesOf(file, wal), ALICE)).as("the scan finds Notifications' copy").isNotEmpty();

        ok("customer", "forget", "alice");

        byte[] all = bytesOf(file, wal);
        assertThat(found(all, ALICE)).isEmpty();
        assertThat(found(all, BOB)).as("Bob's data is still there (in Notifications)").hasSize(2);
    }

    /** Which of {@code texts} occur in {@code haystack}, as UTF-8 or as base64 (the reversible encoding a tool might use). */
    private static List<String> found(byte[] haystack, List<String> texts) {
        List<String> found = new java.util.ArrayList<>();
        for (String text : texts) {
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (ByteScan.indexOf(haystack, utf8) >= 0) {
                found.add(text);
            }
            if (ByteScan.indexOf(haystack, java.util.Base64.getEncoder().withoutPadding().encode(utf8)) >= 0) {
                found.add(text + " (base64)");
            }
        }
        return found;
    }

    private static byte[] bytesOf(Path... files) throws java.io.IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            if (java.nio.file.Files.exists(file)) {
                all.write(java.nio.file.Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    /** The subscriptions a serving replica was active for when it ended. */
    private static java.util.Set<String> active(CliRun run) {
        String last = run.out().lines().filter(line -> line.startsWith("served ")).findFirst().orElseThrow();
        String active = last.substring(last.indexOf("active for: ") + "active for: ".length(), last.indexOf(";", last.indexOf("active for: ")));
        return active.equals("-") ? java.util.Set.of() : new java.util.TreeSet<>(java.util.List.of(active.split(", ")));
    }
}
