package io.factum.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaHeadersTest {

    private static final StoredEvent EVENT = new StoredEvent(UUID.randomUUID(), "Order-42", 3, 1234, "OrderPlaced", 2,
            Instant.parse("2026-12-02T10:15:30.123456Z"),
            new Metadata(UUID.randomUUID(), UUID.randomUUID(), Map.of("traceparent", "00-abc-def-01", "tenant", "t1")),
            "{\"total\":12}".getBytes(StandardCharsets.UTF_8));

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>("orders", 1, 77, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers,
                java.util.Optional.empty());
    }

    @Test
    void anEnvelopeSurvivesTheRoundTripThroughHeaders() {
        Headers headers = KafkaHeaders.of(EVENT);
        StoredEvent read = KafkaHeaders.read(record("Order-42", EVENT.payload(), headers));

        assertThat(read).usingRecursiveComparison().isEqualTo(EVENT);
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-abc-def-01");
        assertThat(KafkaHeaders.globalPosition(headers)).isEqualTo(1234);
    }

    @Test
    void noCorrelationOrCausationMeansNoSuchHeaders() {
        StoredEvent plain = new StoredEvent(UUID.randomUUID(), "A-1", 0, 1, "T", 1, Instant.EPOCH, Metadata.empty(),
                new byte[] {'{', '}'});
        Headers headers = KafkaHeaders.of(plain);
        assertThat(headers.lastHeader(KafkaHeaders.CORRELATION_ID)).isNull();
        assertThat(KafkaHeaders.read(record("A-1", plain.payload(), headers)).metadata()).isEqualTo(Metadata.empty());
    }

    @Test
    void aMissingHeaderNamesTheRecordAndTheHeader() {
        Headers headers = KafkaHeaders.of(EVENT);
        headers.remove(KafkaHeaders.STREAM_REVISION);
        assertThatThrownBy(() -> KafkaHeaders.read(record("Order-42", EVENT.payload(), headers)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record orders-1@77 has no header factum.stream-revision (was it produced by a Factum relay?)");
    }

    @Test
    void aHeaderThatDoesNotParseIsNamedWithItsValue() {
        Headers headers = KafkaHeaders.of(EVENT);
        headers.remove(KafkaHeaders.EVENT_ID);
        headers.add(KafkaHeaders.EVENT_ID, "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaHeaders.read(record("Order-42", EVENT.payload(), headers)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record orders-1@77 has header factum.event-id = 'not-a-uuid', not a UUID");
    }

    /** A header value is outside data: quoted and escaped as ids are, never raw in the message (issue #11). */
    @Test
    void aHeaderValueInAMessageIsEscaped() {
        Headers headers = KafkaHeaders.of(EVENT);
        headers.remove(KafkaHeaders.STREAM_REVISION);
        headers.add(KafkaHeaders.STREAM_REVISION, "1\u0007'\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaHeaders.read(record("Order-42", EVENT.payload(), headers)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record orders-1@77 has header factum.stream-revision = '1\\u0007\\'\\u000A', not a number");
    }

    @Test
    void aRecordWithoutKeyOrValueIsMalformed() {
        assertThatThrownBy(() -> KafkaHeaders.read(record(null, EVENT.payload(), KafkaHeaders.of(EVENT))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("has no key");
        assertThatThrownBy(() -> KafkaHeaders.read(record("Order-42", null, KafkaHeaders.of(EVENT))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("has no value");
        assertThat(KafkaHeaders.globalPosition(new RecordHeaders())).isEqualTo(-1);
    }
}
