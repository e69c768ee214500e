package io.factum.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.testing.AggregateFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseTest {

    private static final StockReceived KEYBOARDS = new StockReceived("main", "KBD-1", 3);
    private static final StockReceived MICE = new StockReceived("main", "MOUSE-7", 1);

    private final AggregateFixture<Warehouse, WarehouseEvent> warehouses =
            AggregateFixture.of(WarehouseAggregateType.INSTANCE, EventTypeRegistry.of(new ExampleFactumModule()));

    @Test
    void reservesAllLinesOrRefusesNamingEveryShortage() {
        List<StockLine> lines = List.of(new StockLine("KBD-1", 2), new StockLine("MOUSE-7", 1));
        warehouses.given(KEYBOARDS, MICE).when(w -> w.reserve("ORD-1", 0, lines))
                .expectEvents(new StockReserved("main", "ORD-1", 0, lines))
                .expectState(w -> assertThat(w.availableStock()).isEqualTo(Map.of("KBD-1", 1, "MOUSE-7", 0)));
        warehouses.given(KEYBOARDS).when(w -> w.reserve("ORD-1", 0, List.of(new StockLine("KBD-1", 2), new StockLine("KBD-1", 2),
                        new StockLine("MOUSE-7", 1))))
                .expectEvents(new StockReservationRefused("main", "ORD-1", 0,
                        List.of(new Shortage("KBD-1", 4, 3), new Shortage("MOUSE-7", 1, 0))))
                .expectState(w -> assertThat(w.available("KBD-1")).isEqualTo(3));
    }

    @Test
    void releasesWhatAnOrderReservedAndRemembersWhatItHandled() {
        List<StockLine> lines = List.of(new StockLine("KBD-1", 2));
        warehouses.given(KEYBOARDS, new StockReserved("main", "ORD-1", 0, lines))
                .when(w -> w.release("ORD-1", 3))
                .expectEvents(new StockReleased("main", "ORD-1", 3, lines))
                .expectState(w -> {
                    assertThat(w.available("KBD-1")).isEqualTo(3);
                    assertThat(w.reservedFor("ORD-1")).isEmpty();
                    assertThat(w.hasHandled("ORD-1", 3)).isTrue();
                    assertThat(w.hasHandled("ORD-1", 4)).isFalse();
                });
        warehouses.given(KEYBOARDS).when(w -> w.release("ORD-9", 1)).expectNoEvents();
    }
}
