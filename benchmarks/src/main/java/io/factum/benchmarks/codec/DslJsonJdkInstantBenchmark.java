package io.factum.benchmarks.codec;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderHistory;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link CodecBenchmark}'s DSL-JSON rows with the JDK's {@code Instant} text instead of DSL-JSON's own date-time
 * code. DSL-JSON's generated converters call one {@link DslJsonInstantConverter} per compilation, so the way is
 * chosen per JVM: every fork of this class starts with {@code -Dfactum.bench.dslJsonInstant=jdk} (prepended, so
 * the report runner's own JVM flags keep it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsPrepend = "-D" + DslJsonInstantConverter.PROPERTY + "=jdk",
        jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class DslJsonJdkInstantBenchmark {

    OrderCreated event;
    byte[] json;
    OrderConfirmed confirmed;
    private DslJsonPeer dslJson;

    @Setup
    public void setUp(BenchmarkParams params) {
        // Without a fork (the CI smoke test) the property is the test JVM's; a real run must not measure the wrong way.
        if (params.getForks() > 0 && !DslJsonInstantConverter.JDK_TEXT) {
            throw new IllegalStateException("DslJsonJdkInstantBenchmark forked without -D" + DslJsonInstantConverter.PROPERTY
                    + "=jdk (was the jvmArgsPrepend option overridden?); it would measure DSL-JSON's own date-time code");
        }
        event = OrderHistory.orderCreated(OrderHistory.ORDER_ID);
        confirmed = OrderHistory.orderConfirmed(OrderHistory.ORDER_ID);
        dslJson = new DslJsonPeer();
        json = dslJson.encode(event);
    }

    @Benchmark
    public byte[] encode() {
        return dslJson.encode(event);
    }

    @Benchmark
    public OrderCreated decode() {
        return dslJson.decodeOrderCreated(json);
    }

    @Benchmark
    public OrderConfirmed roundTripConfirmed() {
        return dslJson.decodeOrderConfirmed(dslJson.encode(confirmed));
    }
}
