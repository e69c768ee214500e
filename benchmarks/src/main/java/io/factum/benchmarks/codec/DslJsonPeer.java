package io.factum.benchmarks.codec;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderCreated;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The peer DSL-JSON 2.0.2, used as its README recommends for speed: converters generated at compile time
 * ({@code @CompiledJson} on the two records), one {@link DslJson} shared, and a {@link JsonWriter} and
 * {@link JsonReader} reused per thread, with the generated reader and writer looked up once.
 * {@link DslJsonInstantConverter} converts the {@code Instant}s.
 */
public final class DslJsonPeer {

    private final DslJson<Object> json;
    private final ThreadLocal<JsonWriter> writers;
    private final ThreadLocal<JsonReader<Object>> readers;
    private final JsonWriter.WriteObject<OrderCreated> orderCreatedWriter;
    private final JsonReader.ReadObject<OrderCreated> orderCreatedReader;
    private final JsonWriter.WriteObject<OrderConfirmed> orderConfirmedWriter;
    private final JsonReader.ReadObject<OrderConfirmed> orderConfirmedReader;

    public DslJsonPeer() {
        // The default settings load the generated converters; nothing is analysed by reflection at run time.
        json = new DslJson<>();
        writers = ThreadLocal.withInitial(json::newWriter);
        readers = ThreadLocal.withInitial(json::newReader);
        orderCreatedWriter = required(json.tryFindWriter(OrderCreated.class), "writer", OrderCreated.class);
        orderCreatedReader = required(json.tryFindReader(OrderCreated.class), "reader", OrderCreated.class);
        orderConfirmedWriter = required(json.tryFindWriter(OrderConfirmed.class), "writer", OrderConfirmed.class);
        orderConfirmedReader = required(json.tryFindReader(OrderConfirmed.class), "reader", OrderConfirmed.class);
    }
    public byte[] encode(OrderCreated event) {
        return encode(orderCreatedWriter, event);
    }

    public byte[] encode(OrderConfirmed event) {
        return encode(orderConfirmedWriter, event);
    }

    public OrderCreated decodeOrderCreated(byte[] bytes) {
        return decode(orderCreatedReader, bytes);
    }

    public OrderConfirmed decodeOrderConfirmed(byte[] bytes) {
        return decode(orderConfirmedReader, bytes);
    }

    private <T> byte[] encode(JsonWriter.WriteObject<T> converter, T value) {
        JsonWriter writer = writers.get();
        writer.reset();
        converter.write(writer, value);
        return writer.toByteArray();
    }

    private <T> T decode(JsonReader.ReadObject<T> converter, byte[] bytes) {
        // process() binds the reused reader to the new input, as DslJson.deserialize does with its own.
        JsonReader<Object> reader = readers.get().process(bytes, bytes.length);
        try {
            reader.getNextToken();
            return converter.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("DSL-JSON could not read " + bytes.length + " bytes", e);
        }
    }

    private static <C> C required(C converter, String kind, Class<?> type) {
        if (converter == null) {
            throw new IllegalStateException("DSL-JSON found no generated " + kind + " for " + type.getName()
                    + "; is its annotation processor on the benchmarks module's processor path?");
        }
        return converter;
    }
}
