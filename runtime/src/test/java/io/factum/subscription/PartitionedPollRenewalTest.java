package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.SliceRange;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One poll of a partitioned instance hands a batch of every range it holds to the handler; the
 * leases must be renewed between those batches as the heartbeat falls due, not only at the start
 * of the poll, or an instance whose ranges together take longer than the lease (each one shorter)
 * loses every slice at each poll. Driven by a fake monotonic clock that the handler moves on, so
 * nothing here depends on how busy the machine is.
 */
class PartitionedPollRenewalTest {

    private static final long LEASE_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int SLICES = 4;

    private final EventTypeRegistry registry = Samples.registry();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @TempDir
    Path directory;

    @Test
    void rangesThatTogetherTakeLongerThanTheLeaseKeepItRenewedAndLoseNoSlice() throws SQLException {
        JdbcEventStore store = SqliteEventStore.open(directory.resolve("events.db"));
        store.createSchema();
        // The first event's stream decides one slice whose checkpoint stays 0; the others start after
        // it (they have no event there), so the instance holds two or three ranges, each polled on its own.
        String first = "Order-first";
        append(store, first);
        int firstSlice = SliceRange.sliceOf(first, SLICES);
        List<String> handled = new ArrayList<>();
        SliceKeeper keeper = new SliceKeeper(new SliceTable(store), "renewal", "a", SubscriptionMode.partitioned(SLICES),
                Duration.ofNanos(LEASE_NANOS), clock::get, () -> 0);
        keeper.start();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + store.tables().leases()
                     + " SET checkpoint = 1 WHERE subscription = 'renewal' AND slice >= 0 AND slice <> ?")) {
            update.setInt(1, firstSlice);
            update.executeUpdate();
        }
        for (int i = 0; i < 60; i++) {
            append(store, "Order-" + i);
        }
        DeliveryRules rules = new DeliveryRules("renewal", registry, RetryPolicy.DEFAULT, FailureAction.STOP,
                FailureAction.STOP);
        EnvelopeHandler handler = event -> {
            handled.add(event.streamId());
            clock.addAndGet(LEASE_NANOS / 10); // each event takes a tenth of the lease
        };
        PartitionedPoller poller = new PartitionedPoller("renewal", store, keeper,
                lease -> new HandlerProcessor(rules, store, handler, new CheckpointSaver("renewal", lease, Duration.ZERO,
                        clock::get), new FencedParkedEvents(new InMemoryParkedEvents(), store, lease), lease),
                new InMemoryParkedEvents(), 6, new CaughtUpSignal());

        poller.pollOnce(); // claims every slice, then a batch of 6 per range: 0.6 of the lease each
        assertThat(keeper.held()).as("ranges held").hasSizeGreaterThanOrEqualTo(2);
        for (int poll = 0; poll < 40 && handled.size() < 61; poll++) {
            poller.pollOnce();
        }

        assertThat(handled).as("every event once").hasSize(61).doesNotHaveDuplicates();
        assertThat(keeper.held()).isNotEmpty();
        assertThat(poller.position()).isEqualTo(store.lastPosition());
    }

    private void append(JdbcEventStore store, String id) {
        store.append(id, ExpectedRevision.noStream(), List.of(registry.encode(new OrderPlaced(id, "c"), Metadata.empty())));
    }
}
