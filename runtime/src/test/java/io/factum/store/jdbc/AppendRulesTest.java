package io.factum.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.jdbc.AppendRules.StoredAt;
import io.factum.store.jdbc.AppendRules.StreamHead;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The append rules on their own, without a database. */
class AppendRulesTest {

    private static final StreamHead AT_1 = new StreamHead(1, 41);

    private static NewEvent event() {
        return new NewEvent(UUID.randomUUID(), "Thing", 1, Instant.EPOCH, Metadata.empty(), new byte[] {'{', '}'});
    }

    @Test
    void an_append_at_the_expected_revision_is_to_be_inserted() {
        assertThat(AppendRules.resultWithoutInsert("s", ExpectedRevision.exactly(1), List.of(event()), AT_1, Map.of()))
                .isNull();
    }

    @Test
    void an_append_at_another_revision_is_refused_with_the_actual_one() {
        assertThatThrownBy(() -> AppendRules.resultWithoutInsert("s", ExpectedRevision.exactly(0), List.of(event()),
                AT_1, Map.of()))
                .isInstanceOf(WrongExpectedRevisionException.class)
                .hasMessageContaining("'s'");
    }

    @Test
    void an_empty_append_returns_the_head() {
        assertThat(AppendRules.resultWithoutInsert("s", ExpectedRevision.any(), List.of(), AT_1, Map.of()))
                .isEqualTo(new AppendResult("s", 1, 41));
        assertThat(AppendRules.resultWithoutInsert("s", ExpectedRevision.any(), List.of(), StreamHead.NONE, Map.of()))
                .isEqualTo(new AppendResult("s", -1, -1));
    }

    @Test
    void a_repeat_of_a_stored_append_returns_its_original_result_whatever_the_revision() {
        NewEvent first = event();
        NewEvent second = event();
        Map<UUID, StoredAt> stored = Map.of(first.eventId(), new StoredAt("s", 4, 70),
                second.eventId(), new StoredAt("s", 5, 72));
        assertThat(AppendRules.resultWithoutInsert("s", ExpectedRevision.exactly(3), List.of(first, second),
                new StreamHead(9, 99), stored))
                .isEqualTo(new AppendResult("s", 5, 72));
    }

    @Test
    void a_partly_stored_append_is_a_duplicate() {
        NewEvent first = event();
        Map<UUID, StoredAt> stored = Map.of(first.eventId(), new StoredAt("s", 4, 70));
        assertThatThrownBy(() -> AppendRules.resultWithoutInsert("s", ExpectedRevision.any(), List.of(first, event()),
                AT_1, stored))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(first.eventId().toString())
                .hasMessageContaining("while other events of this append are not");
    }

    @Test
    void ids_stored_in_another_stream_or_out_of_order_are_duplicates() {
        NewEvent first = event();
        NewEvent second = event();
        Map<UUID, StoredAt> elsewhere = Map.of(first.eventId(), new StoredAt("other", 0, 3),
                second.eventId(), new StoredAt("other", 1, 4));
        assertThatThrownBy(() -> AppendRules.resultWithoutInsert("s", ExpectedRevision.any(), List.of(first, second),
                AT_1, elsewhere))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("'other'");
        Map<UUID, StoredAt> swapped = Map.of(first.eventId(), new StoredAt("s", 1, 4),
                second.eventId(), new StoredAt("s", 0, 3));
        assertThatThrownBy(() -> AppendRules.resultWithoutInsert("s", ExpectedRevision.any(), List.of(first, second),
                AT_1, swapped))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(second.eventId().toString())
                .hasMessageContaining("'s' revision 0");
    }

    @Test
    void a_duplicate_after_a_race_names_the_id_found_or_says_it_was_concurrent() {
        NewEvent first = event();
        NewEvent second = event();
        assertThat(AppendRules.duplicateAfterRace("s", List.of(first, second),
                Map.of(second.eventId(), new StoredAt("t", 2, 9))))
                .hasMessageContaining(second.eventId().toString())
                .hasMessageContaining("'t' revision 2");
        assertThat(AppendRules.duplicateAfterRace("s", List.of(first, second), Map.of()))
                .hasMessageContaining(first.eventId().toString())
                .hasMessageContaining("stored concurrently");
    }
}
