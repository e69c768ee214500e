package io.factum.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.example.shared.Money;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the app on one database, as a service deployed twice would run: both start every
 * reaction and projection, one instance of each is active, and a money transfer is carried out by
 * the reactions exactly as by a single replica: the same events, none twice.
 */
class TwoReplicasTest {

    @TempDir
    Path directory;

    /** Runs the transfer story, starting the reactions of every app given; returns the events stored. */
    private static long transfer(ExampleApp writer, List<ExampleApp> replicas) {
        replicas.forEach(ExampleApp::startReactions);
        writer.banking().open("ACC-A", "Alice", "EUR");
        writer.banking().open("ACC-B", "Bob", "EUR");
        writer.banking().deposit("ACC-A", Money.parse("100.00", "EUR"));
        writer.banking().requestTransfer("T-1", "ACC-A", "ACC-B", Money.parse("30.00", "EUR"));
        writer.banking().requestTransfer("T-2", "ACC-A", "ACC-B", Money.parse("50.00", "EUR"));
        replicas.forEach(ExampleApp::awaitReactions);
        return writer.eventCount();
    }

    /** The transfers' statuses in the single replica's database. */
    private static List<io.factum.example.banking.TransferStatus> single(Path directory) {
        try (ExampleApp single = ExampleApp.open(new StoreLocation("jdbc:sqlite:" + directory.resolve("single.db"), null),
                Narrator.SILENT, event -> {})) {
            return List.of(single.banking().transfer("T-1").status(), single.banking().transfer("T-2").status());
        }
    }

    @Test
    void twoReplicasShareEverySubscriptionAndStoreWhatOneReplicaStores() {
        long alone;
        try (ExampleApp single = ExampleApp.open(new StoreLocation("jdbc:sqlite:" + directory.resolve("single.db"), null),
                Narrator.SILENT, event -> {})) {
            alone = transfer(single, List.of(single));
        }
        StoreLocation shared = new StoreLocation("jdbc:sqlite:" + directory.resolve("shared.db"), null);
        try (ExampleApp first = ExampleApp.open(shared, Narrator.SILENT, event -> {});
             ExampleApp second = ExampleApp.open(shared, Narrator.SILENT, event -> {})) {
            long together = transfer(first, List.of(first, second));

            assertThat(together).as("events stored by two replicas").isEqualTo(alone);
            assertThat(first.banking().transfer("T-1").status()).isEqualTo(single(directory).get(0));
            assertThat(first.banking().transfer("T-2").status()).isEqualTo(single(directory).get(1));
            assertThat(first.banking().account("ACC-B").balance()).isEqualTo(Money.parse("80.00", "EUR"));
            for (int i = 0; i < first.subscriptions().size(); i++) {
                Subscription mine = first.subscriptions().get(i);
                Subscription theirs = second.subscriptions().get(i);
                assertThat(mine.mode()).isEqualTo(SubscriptionMode.exclusive());
                assertThat(mine.isActive() ^ theirs.isActive()).as("one active instance of %s", mine.name()).isTrue();
            }
        }
    }
}
