package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.sample.ItemAdded;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link JdbcProjection} commits its read model and its checkpoint in one transaction: a failure
 * rolls both back, a restart resumes where the last commit left off, and every event changes the
 * read model exactly once. Run on SQLite and PostgreSQL.
 */
public abstract class JdbcProjectionBehaviour {

    private final EventTypeRegistry registry = Samples.registry();
    protected JdbcEventStore store;
    private String totals;
    private final List<Long> positions = new ArrayList<>();

    /** A fresh store (own file or table prefix). */
    protected abstract JdbcEventStore newStore();

    /** Drops the store's tables and {@code readModel}. */
    protected abstract void dropTables(JdbcEventStore store, String readModel);

    /** Fails on the event with this quantity while {@link #failures} is positive. */
    private int failOnQuantity = -1;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failedCalls = new AtomicInteger();

    @BeforeEach
    void createReadModel() throws SQLException {
        store = newStore();
        store.createSchema();
        totals = store.tables().prefix() + "order_totals";
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + totals + " (order_id TEXT PRIMARY KEY, total INTEGER NOT NULL)");
        }
        List<NewEvent> events = new ArrayList<>();
        events.add(registry.encode(new OrderPlaced("1", "alice"), Metadata.empty()));
        for (int quantity = 1; quantity <= 4; quantity++) {
            events.add(registry.encode(new ItemAdded("1", "sku-" + quantity, quantity), Metadata.empty()));
        }
        store.append("Order-1", ExpectedRevision.noStream(), events);
        store.readAll(0, 10).forEach(e -> positions.add(e.globalPosition()));
    }

    @AfterEach
    void dropReadModel() {
        dropTables(store, totals);
    }

    /** The read model: an order's row on OrderPlaced, quantities added up on ItemAdded. */
    private void apply(EventEnvelope<Object> event, Connection connection) throws SQLException {
        if (event.payload() instanceof OrderPlaced placed) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + totals + " (order_id, total) VALUES (?, 0)")) {
                insert.setString(1, placed.orderId());
                insert.executeUpdate();
            }
        } else if (event.payload() instanceof ItemAdded item) {
            if (item.quantity() == failOnQuantity && failures.getAndDecrement() > 0) {
                failedCalls.incrementAndGet();
                throw new IllegalStateException("projection failed on quantity " + item.quantity());
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + totals + " SET total = total + ? WHERE order_id = ?")) {
                update.setInt(1, item.quantity());
                update.setString(2, item.orderId());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private Subscription.Builder projection() {
        return Subscription.builder("totals", store, registry).projection(this::apply).batchSize(10);
    }

    /** The read model: order id → total, or -1 when the order has no row. */
    private int total() throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT total FROM " + totals + " WHERE order_id = '1'");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : -1;
        }
    }

    private long checkpoint() {
        return new JdbcCheckpointStore(store).load("totals");
    }

    @Test
    void aFailureMidBatchRollsBackReadModelAndCheckpointAndARestartResumes() throws SQLException {
        failOnQuantity = 3;
        failures.set(Integer.MAX_VALUE);
        Subscription first = projection().retry(RetryPolicy.noRetry()).build();

        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, first::runUntilCaughtUp);

        assertThat(error.globalPosition()).isEqualTo(positions.get(3));
        assertThat(error.eventType()).isEqualTo("ItemAdded");
        assertThat(total()).as("read model after the rolled-back batch").isEqualTo(-1);
        assertThat(checkpoint()).isZero();
        assertThat(first.parkedEvents()).isEmpty();

        failures.set(0);
        Subscription restarted = projection().build();
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(5);
        assertThat(total()).isEqualTo(1 + 2 + 3 + 4);
        assertThat(checkpoint()).isEqualTo(positions.get(4));

        assertThat(projection().build().runUntilCaughtUp()).isZero();
        assertThat(total()).isEqualTo(10);
    }

    @Test
    void anErrorThrownByTheProjectionIsAFailureLikeAnException() throws SQLException {
        JdbcProjection failingOnTwo = (event, connection) -> {
            if (event.payload() instanceof ItemAdded item && item.quantity() == 2) {
                throw new AssertionError("unexpected quantity 2");
            }
            apply(event, connection);
        };
        Subscription subscription = Subscription.builder("totals", store, registry).projection(failingOnTwo)
                .retry(RetryPolicy.noRetry()).onHandlerFailure(FailureAction.PARK).build();

        assertThat(subscription.runUntilCaughtUp()).isEqualTo(5);

        assertThat(total()).isEqualTo(1 + 3 + 4);
        assertThat(subscription.parkedEvents()).extracting(ParkedEvent::globalPosition).containsExactly(positions.get(2));
        assertThat(subscription.parkedEvents().get(0).error()).contains(AssertionError.class.getName());
        assertThat(checkpoint()).isEqualTo(positions.get(4));
    }

    @Test
    void aRetriedBatchAppliesEveryEventExactlyOnce() throws SQLException {
        failOnQuantity = 4;
        failures.set(2);

        projection().retry(RetryPolicy.attempts(3, Duration.ZERO)).build().runUntilCaughtUp();

        assertThat(failedCalls).hasValue(2);
        assertThat(total()).isEqualTo(10);
        assertThat(checkpoint()).isEqualTo(positions.get(4));
    }

    @Test
    void aPollInterruptedWhileWaitingToRetryRollsTheBatchBackWithATypedError() throws Exception {
        failOnQuantity = 2;
        failures.set(Integer.MAX_VALUE);
        CountDownLatch firstFailure = new CountDownLatch(1);
        JdbcProjection signalling = (event, connection) -> {
            try {
                apply(event, connection);
            } finally {
                if (failedCalls.get() > 0) {
                    firstFailure.countDown();
                }
            }
        };
        Subscription subscription = Subscription.builder("totals", store, registry).projection(signalling)
                .retry(RetryPolicy.attempts(10, Duration.ofHours(1))).build();

        InterruptedPoll poll = InterruptedPoll.interruptAfter(firstFailure, subscription);

        assertThat(poll.thrown()).isInstanceOfSatisfying(SubscriptionInterruptedException.class, error -> {
            assertThat(error.subscription()).isEqualTo("totals");
            assertThat(error.globalPosition()).isEqualTo(positions.get(2));
        });
        assertThat(poll.interruptFlagAfterwards()).isTrue();
        assertThat(failedCalls).hasValue(1);
        assertThat(total()).as("read model after the rolled-back batch").isEqualTo(-1);
        assertThat(checkpoint()).isZero();

        failures.set(0);
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(5);
        assertThat(total()).isEqualTo(10);
    }

    @Test
    void aParkedEventIsRecordedInTheSameTransactionAndCanBeRetried() throws SQLException {
        failOnQuantity = 3;
        failures.set(Integer.MAX_VALUE);
        Subscription subscription = projection().retry(RetryPolicy.attempts(2, Duration.ZERO))
                .onHandlerFailure(FailureAction.PARK).build();

        subscription.runUntilCaughtUp();

        assertThat(total()).isEqualTo(1 + 2 + 4);
        assertThat(checkpoint()).isEqualTo(positions.get(4));
        assertThat(subscription.parkedEvents()).singleElement().satisfies(parked -> {
            assertThat(parked.globalPosition()).isEqualTo(positions.get(3));
            assertThat(parked.type()).isEqualTo("ItemAdded");
            assertThat(parked.error()).contains("projection failed on quantity 3");
        });
        assertThat(new JdbcParkedEvents(store).list("totals")).hasSize(1);

        failures.set(0);
        assertThat(subscription.retryParked()).isEqualTo(1);
        assertThat(total()).isEqualTo(10);
        assertThat(subscription.parkedEvents()).isEmpty();
    }

    @Test
    void resetRebuildsTheProjectionFromPositionZero() throws SQLException {
        Subscription subscription = projection().batchSize(2).build();
        subscription.runUntilCaughtUp();
        assertThat(total()).isEqualTo(10);

        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + totals);
        }
        subscription.reset();
        assertThat(checkpoint()).isZero();
        subscription.runUntilCaughtUp();

        assertThat(total()).isEqualTo(10);
        assertThat(checkpoint()).isEqualTo(positions.get(4));
    }
}
