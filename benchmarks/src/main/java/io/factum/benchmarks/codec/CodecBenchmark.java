package io.factum.benchmarks.codec;

import io.factum.benchmarks.BenchmarkSettings;
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
 * to and from UTF-8 JSON bytes: Factum's generated codec, Jackson's {@code JsonMapper} and hand-written
 * streaming code, all producing the same bytes. Scores are nanoseconds per event.
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
    private ObjectWriter jsonMapperWriter;
    private ObjectReader jsonMapperReader;

    @Setup
    public void setUp() {
        event = OrderHistory.orderCreated(OrderHistory.ORDER_ID);
        jsonMapperWriter = JacksonPeer.MAPPER.writerFor(OrderCreated.class);
        jsonMapperReader = JacksonPeer.MAPPER.readerFor(OrderCreated.class);
        json = jsonMapperWriter.writeValueAsBytes(event);
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
}
