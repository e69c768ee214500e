package io.factum.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderCreatedCodec;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.codec.Json;
import io.factum.event.EventTypeRegistry;
import io.factum.event.Metadata;
import io.factum.store.NewEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The codec benchmark compares like with like only if every variant writes the same bytes and reads
 * them back to the same record.
 */
class IdenticalJsonTest {

    private final OrderCreated event = OrderHistory.orderCreated(OrderHistory.ORDER_ID);

    @Test
    void factumJsonMapperAndHandWrittenEncodeOrderCreatedToIdenticalBytes() {
        byte[] factum = Json.encode(OrderCreatedCodec.INSTANCE, event);
        byte[] mapper = JacksonPeer.MAPPER.writerFor(OrderCreated.class).writeValueAsBytes(event);
        byte[] handWritten = HandWrittenOrderCreatedJson.encode(event);

        assertThat(new String(factum, StandardCharsets.UTF_8))
                .isEqualTo(new String(mapper, StandardCharsets.UTF_8))
                .isEqualTo(new String(handWritten, StandardCharsets.UTF_8))
                .contains("\"lines\":[{\"sku\":\"SKU-1001\",\"quantity\":2,\"unitPrice\":19.99}")
                .contains("\"createdAt\":\"2026-11-26T08:00:00.123456Z\"");
        assertThat(factum).isEqualTo(mapper).isEqualTo(handWritten);
    }

    @Test
    void allThreeDecodeTheSameBytesToEqualRecords() {
        byte[] json = Json.encode(OrderCreatedCodec.INSTANCE, event);

        assertThat(Json.decode(OrderCreatedCodec.INSTANCE, json, "OrderCreated")).isEqualTo(event);
        assertThat(JacksonPeer.MAPPER.readerFor(OrderCreated.class).<OrderCreated>readValue(json)).isEqualTo(event);
        assertThat(HandWrittenOrderCreatedJson.decode(json)).isEqualTo(event);
    }

    @Test
    void everyEventOfTheReplayStreamIsEncodedIdenticallyByFactumAndJsonMapper() {
        EventTypeRegistry registry = EventTypeRegistry.of(new DomainFactumModule());
        for (OrderEvent event : OrderHistory.events(OrderHistory.ORDER_ID, 16)) {
            NewEvent encoded = registry.encode(event, Metadata.empty());

            assertThat(encoded.type()).isEqualTo(event.getClass().getSimpleName());
            assertThat(new String(encoded.payload(), StandardCharsets.UTF_8))
                    .isEqualTo(JacksonPeer.MAPPER.writeValueAsString(event));
            assertThat(JacksonPeer.readersByTypeName().get(encoded.type()).<Object>readValue(encoded.payload()))
                    .isEqualTo(event);
        }
    }

    @Test
    void theReplayStreamHasTheAdvertisedLength() {
        assertThat(OrderHistory.events(OrderHistory.ORDER_ID, BenchmarkSettings.STREAM_LENGTH))
                .hasSize(BenchmarkSettings.STREAM_LENGTH)
                .first().isInstanceOf(OrderCreated.class);
    }
}
