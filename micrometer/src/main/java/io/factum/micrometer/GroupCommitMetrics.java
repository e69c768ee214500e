package io.factum.micrometer;

import io.factum.store.jdbc.GroupCommitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * A {@link GroupCommitListener} that records how much each group commit of a JDBC store combined
 * ({@value FactumMeters#STORE_GROUP_COMMIT_APPENDS}, {@value FactumMeters#STORE_GROUP_COMMIT_EVENTS}) and
 * counts the batches that rolled back and were written one append at a time
 * ({@value FactumMeters#STORE_GROUP_COMMIT_FALLBACKS}). Give it to the store's builder:
 * {@code PostgresEventStore.builder(dataSource).groupCommitListener(new GroupCommitMetrics(meters, "postgresql"))}.
 */
public final class GroupCommitMetrics implements GroupCommitListener {

    private final DistributionSummary appends;
    private final DistributionSummary events;
    private final Counter fallbacks;

    public GroupCommitMetrics(MeterRegistry meters, String storeName) {
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(storeName, "storeName");
        this.appends = DistributionSummary.builder(FactumMeters.STORE_GROUP_COMMIT_APPENDS)
                .description("Appends one group commit combined").baseUnit("appends")
                .tag(FactumMeters.STORE, storeName).register(meters);
        this.events = DistributionSummary.builder(FactumMeters.STORE_GROUP_COMMIT_EVENTS)
                .description("Events one group commit wrote").baseUnit("events")
                .tag(FactumMeters.STORE, storeName).register(meters);
        this.fallbacks = Counter.builder(FactumMeters.STORE_GROUP_COMMIT_FALLBACKS)
                .description("Group commits that rolled back; their appends were written one by one")
                .tag(FactumMeters.STORE, storeName).register(meters);
    }

    @Override
    public void batchWritten(int appendCount, int eventCount, boolean committed) {
        appends.record(appendCount);
        events.record(eventCount);
        if (!committed) {
            fallbacks.increment();
        }
    }
}
