package io.factum.benchmarks.codec;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderConfirmedCodec;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderCreatedCodec;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.codec.Json;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Encoding and decoding one {@link OrderCreated} (three nested lines, UUID, enum, BigDecimal, Instant)
 * to and from UTF-8 JSON bytes, and a round trip (encode, then decode those bytes) of the small
 * {@link OrderConfirmed} (94 bytes of JSON): Factum's generated codec, Jackson's {@code JsonMapper},
 * hand-written streaming code ({@code OrderCreated} only), avaje-jsonb's generated adapters and DSL-JSON's
 * generated converters with its own date-time code for {@code Instant} ({@link DslJsonJdkInstantBenchmark}
 * has DSL-JSON with the JDK's {@code Instant} text), all producing the same bytes ({@code IdenticalJsonTest}).
 * Scores are nanoseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class CodecBenchmark {

    OrderCreated event;
    byte[] json;
    OrderConfirmed confirmed;
    private ObjectWriter jsonMapperWriter;
    private ObjectReader jsonMapperReader;
    private ObjectWriter jsonMapperConfirmedWriter;
    private ObjectReader jsonMapperConfirmedReader;
    private DslJsonPeer dslJson;

    @Setup
    public void setUp() {
        event = OrderHistory.orderCreated(OrderHistory.ORDER_ID);
        confirmed = OrderHistory.orderConfirmed(OrderHistory.ORDER_ID);
        jsonMapperWriter = JacksonPeer.MAPPER.writerFor(OrderCreated.class);
        jsonMapperReader = JacksonPeer.MAPPER.readerFor(OrderCreated.class);
        jsonMapperConfirmedWriter = JacksonPeer.MAPPER.writerFor(OrderConfirmed.class);
        jsonMapperConfirmedReader = JacksonPeer.MAPPER.readerFor(OrderConfirmed.class);
        json = jsonMapperWriter.writeValueAsBytes(event);
        dslJson = new DslJsonPeer();
    }

    @Benchmark
    public byte[] encodeFactum() {
        return Json.encode(OrderCreatedCodec.INSTANCE, event);
    }

    @Benchmark
    public byte[] encodeJsonMapper() {
        return jsonMapperWriter.writeValueAsBytes(event);
    }

    @Benchmark
    public byte[] encodeHandWritten() {
        return HandWrittenOrderCreatedJson.encode(event);
    }

    @Benchmark
    public byte[] encodeAvaje() {
        return AvajePeer.ORDER_CREATED.toJsonBytes(event);
    }

    @Benchmark
    public byte[] encodeDslJson() {
        return dslJson.encode(event);
    }

    @Benchmark
    public OrderCreated decodeFactum() {
        return Json.decode(OrderCreatedCodec.INSTANCE, json, "OrderCreated");
    }

    @Benchmark
    public OrderCreated decodeJsonMapper() {
        return jsonMapperReader.readValue(json);
    }

    @Benchmark
    public OrderCreated decodeHandWritten() {
        return HandWrittenOrderCreatedJson.decode(json);
    }

    @Benchmark
    public OrderCreated decodeAvaje() {
        return AvajePeer.ORDER_CREATED.fromJson(json);
    }

    @Benchmark
    public OrderCreated decodeDslJson() {
        return dslJson.decodeOrderCreated(json);
    }

    @Benchmark
    public OrderConfirmed roundTripConfirmedFactum() {
        return Json.decode(OrderConfirmedCodec.INSTANCE, Json.encode(OrderConfirmedCodec.INSTANCE, confirmed),
                "OrderConfirmed");
    }

    @Benchmark
    public OrderConfirmed roundTripConfirmedJsonMapper() {
        return jsonMapperConfirmedReader.readValue(jsonMapperConfirmedWriter.writeValueAsBytes(confirmed));
    }

    @Benchmark
    public OrderConfirmed roundTripConfirmedAvaje() {
        return AvajePeer.ORDER_CONFIRMED.fromJson(AvajePeer.ORDER_CONFIRMED.toJsonBytes(confirmed));
    }

    @Benchmark
    public OrderConfirmed roundTripConfirmedDslJson() {
        return dslJson.decodeOrderConfirmed(dslJson.encode(confirmed));
    }
}
