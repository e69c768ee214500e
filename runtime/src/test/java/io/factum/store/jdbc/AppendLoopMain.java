package io.factum.store.jdbc;

import io.factum.event.EventTypeRegistry;
import io.factum.sample.ItemAdded;
import io.factum.sample.Samples;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs in a child JVM that the test kills with SIGKILL: appends batches of {@code K} events to a
 * few streams, forever, printing a line after each append. Every event carries its batch id and
 * the batch size in headers, so the parent can check that each append is whole or absent.
 *
 * <p>Arguments: {@code sqlite <file> <prefix> <K>} or {@code postgres <jdbc-url> <prefix> <K>}.
 */
public final class AppendLoopMain {

    static final String BATCH_HEADER = "batch";
    static final String SIZE_HEADER = "batchSize";
    static final int STREAMS = 3;

    private AppendLoopMain() {}

    /** Opens the store a child process was told to use: {@code sqlite <file>} or {@code postgres <jdbc-url>}. */
    public static JdbcEventStore openStore(String kind, String location, String prefix) {
        return switch (kind) {
            case "sqlite" -> SqliteEventStore.builder(SqliteEventStore.dataSource(Path.of(location))).tablePrefix(prefix).build();
            case "postgres" -> {
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(location);
                yield PostgresEventStore.builder(dataSource).tablePrefix(prefix).build();
            }
            default -> throw new IllegalArgumentException("unknown store " + kind);
        };
    }

    public static void main(String[] args) {
        String prefix = args[2];
        int batchSize = Integer.parseInt(args[3]);
        EventStore store = openStore(args[0], args[1], prefix);
        EventTypeRegistry registry = Samples.registry();
        long[] revisions = new long[STREAMS];
        java.util.Arrays.fill(revisions, -1);
        for (int n = 0; ; n++) {
            int stream = n % STREAMS;
            String batch = UUID.randomUUID().toString();
            Metadata metadata = Metadata.empty().withHeader(BATCH_HEADER, batch).withHeader(SIZE_HEADER, String.valueOf(batchSize));
            List<NewEvent> events = new ArrayList<>();
            for (int k = 0; k < batchSize; k++) {
                events.add(registry.encode(new ItemAdded("Loop-" + stream, "sku-" + n + "-" + k, k + 1), metadata));
            }
            ExpectedRevision expected = revisions[stream] < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revisions[stream]);
            revisions[stream] = store.append("Loop-" + stream, expected, events).lastRevision();
            System.out.println("appended " + (n + 1));
            System.out.flush();
        }
    }
}
