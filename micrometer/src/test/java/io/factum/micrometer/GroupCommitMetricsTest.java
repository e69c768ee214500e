package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.micrometer.sample.Pinged;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class GroupCommitMetricsTest {

    @Test
    void eachGroupCommitRecordsItsAppendsAndEventsOnPostgresql() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventTypeRegistry registry = EventTypeRegistry.load();
        DataSource dataSource = PostgresTestDatabase.dataSource();
        PostgresEventStore store = PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix())
                .groupCommitListener(new GroupCommitMetrics(meters, "postgresql")).build();
        try {
            store.append("Ping-1", ExpectedRevision.noStream(), List.of(
                    registry.encode(new Pinged("a", 1), Metadata.empty()), registry.encode(new Pinged("a", 2), Metadata.empty())));
            store.append("Ping-2", ExpectedRevision.noStream(), List.of(registry.encode(new Pinged("b", 1), Metadata.empty())));

            assertThat(meters.get("factum.store.group.commit.appends").tags("store", "postgresql").summary().count()).isEqualTo(2);
            assertThat(meters.get("factum.store.group.commit.appends").summary().totalAmount()).isEqualTo(2);
            assertThat(meters.get("factum.store.group.commit.events").summary().totalAmount()).isEqualTo(3);
            assertThat(meters.get("factum.store.group.commit.fallbacks").counter().count()).isZero();
        } finally {
            PostgresTestDatabase.dropTables(dataSource, store.tables());
            store.close();
        }
    }
}
