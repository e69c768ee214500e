package io.factum.benchmarks.codec;

import io.factum.benchmarks.domain.DiscountApplied;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemRemoved;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderShipped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer: Jackson 3's {@code JsonMapper} with its defaults, which write the benchmark's records
 * exactly as Factum's generated codecs do (checked by {@code IdenticalJsonTest}).
 */
public final class JacksonPeer {

    /** Mappers are thread-safe and costly to build; one is shared, as applications do. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Every event record of the benchmark domain, keyed by its stored name. */
    public static final List<Class<?>> EVENT_CLASSES = List.of(OrderCreated.class, ItemAdded.class, ItemRemoved.class,
            DiscountApplied.class, OrderConfirmed.class, OrderShipped.class);

    private JacksonPeer() {}

    /** One reader per stored type name (the simple class name): the fastest way to use a mapper for known types. */
    public static Map<String, ObjectReader> readersByTypeName() {
        Map<String, ObjectReader> readers = new TreeMap<>();
        for (Class<?> type : EVENT_CLASSES) {
            readers.put(type.getSimpleName(), MAPPER.readerFor(type));
        }
        return readers;
    }
}
