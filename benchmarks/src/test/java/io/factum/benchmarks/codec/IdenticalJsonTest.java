package io.factum.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderConfirmedCodec;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderCreatedCodec;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.codec.Json;
import io.factum.event.EventTypeRegistry;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec benchmark compares like with like only if every variant writes the same bytes and reads
 * them back to the same record.
 */
class IdenticalJsonTest {

    private final OrderCreated event = OrderHistory.orderCreated(OrderHistory.ORDER_ID);
    private final OrderConfirmed confirmed = OrderHistory.orderConfirmed(OrderHistory.ORDER_ID);
    private final DslJsonPeer dslJson = new DslJsonPeer();

    @Test
    void thisJvmRunsDslJsonWithItsOwnDateTimeCode() {
        assertThat(DslJsonInstantConverter.JDK_TEXT).isFalse();
    }

    @Test
    void everyPeerEncodesOrderCreatedToFactumsBytes() {
        byte[] factum = Json.encode(OrderCreatedCodec.INSTANCE, event);

        assertThat(new String(AvajePeer.ORDER_CREATED.toJsonBytes(event), StandardCharsets.UTF_8))
                .isEqualTo(new String(factum, StandardCharsets.UTF_8));
        assertThat(new String(dslJson.encode(event), StandardCharsets.UTF_8))
                .isEqualTo(new String(factum, StandardCharsets.UTF_8));
    }

    @Test
    void everyLibraryEncodesTheSmallOrderConfirmedToTheSame94Bytes() {
        byte[] factum = Json.encode(OrderConfirmedCodec.INSTANCE, confirmed);

        assertThat(new String(factum, StandardCharsets.UTF_8)).isEqualTo(
                "{\"orderId\":\"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b\",\"confirmedAt\":\"2026-11-26T08:00:00.123456Z\"}");
        assertThat(factum).hasSize(94)
                .isEqualTo(JacksonPeer.MAPPER.writerFor(OrderConfirmed.class).writeValueAsBytes(confirmed))
                .isEqualTo(AvajePeer.ORDER_CONFIRMED.toJsonBytes(confirmed))
                .isEqualTo(dslJson.encode(confirmed));
    }

    @Test
    void everyPeerDecodesFactumsBytesToEqualRecords() {
        byte[] created = Json.encode(OrderCreatedCodec.INSTANCE, event);
        byte[] small = Json.encode(OrderConfirmedCodec.INSTANCE, confirmed);

        assertThat(AvajePeer.ORDER_CREATED.fromJson(created)).isEqualTo(event);
        assertThat(dslJson.decodeOrderCreated(created)).isEqualTo(event);
        assertThat(Json.decode(OrderConfirmedCodec.INSTANCE, small, "OrderConfirmed")).isEqualTo(confirmed);
        assertThat(JacksonPeer.MAPPER.readerFor(OrderConfirmed.class).<OrderConfirmed>readValue(small)).isEqualTo(confirmed);
        assertThat(AvajePeer.ORDER_CONFIRMED.fromJson(small)).isEqualTo(confirmed);
        assertThat(dslJson.decodeOrderConfirmed(small)).isEqualTo(confirmed);
    }

    /**
     * DSL-JSON with the JDK's {@code Instant} text is fixed per JVM, as in {@code DslJsonJdkInstantBenchmark}'s
     * forks: a child JVM with the property set encodes and decodes, and this one compares.
     */
    @Test
    void dslJsonWithTheJdksInstantTextWritesAndReadsTheSameBytesInAChildJvm() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + DslJsonInstantConverter.PROPERTY + "=jdk",
                "-cp", System.getProperty("java.class.path"),
                DslJsonJdkInstantChild.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "jdk text: true",
                new String(Json.encode(OrderCreatedCodec.INSTANCE, event), StandardCharsets.UTF_8),
                new String(Json.encode(OrderConfirmedCodec.INSTANCE, confirmed), StandardCharsets.UTF_8),
                "decoded equal: true");
    }

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
