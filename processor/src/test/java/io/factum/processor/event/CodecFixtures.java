package io.factum.processor.event;

import static io.factum.processor.testing.ProcessorTesting.classLoader;
import static io.factum.processor.testing.ProcessorTesting.compileCleanly;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.factum.event.EventCodec;
import javax.tools.JavaFileObject;

/**
 * Annotated sources used by the functional codec tests, compiled once with the processor under
 * {@code -Xlint:all -Werror}, and their generated codecs loaded.
 */
final class CodecFixtures {

    static final JavaFileObject ORDER_CREATED = JavaFileObjects.forSourceString("test.OrderCreated", """
            package test;

            import io.factum.annotation.Event;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.util.List;
            import java.util.UUID;

            @Event(name = "OrderCreated")
            public record OrderCreated(UUID orderId, String customerId, List<OrderLine> lines, BigDecimal total,
                                       Instant createdAt, Status status) {

                public static OrderCreated sample() {
                    return new OrderCreated(
                            UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
                            "customer-17",
                            List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.99")),
                                    new OrderLine("SKU-2", 1, new BigDecimal("5.00")),
                                    new OrderLine("SKU-3", 10, new BigDecimal("0.10"))),
                            new BigDecimal("45.98"),
                            Instant.parse("2024-05-01T10:15:30.123456Z"),
                            Status.PENDING);
                }
            }
            """);

    static final JavaFileObject ORDER_LINE = JavaFileObjects.forSourceString("test.OrderLine", """
            package test;

            import java.math.BigDecimal;

            public record OrderLine(String sku, int quantity, BigDecimal price) {}
            """);

    static final JavaFileObject STATUS = JavaFileObjects.forSourceString("test.Status", """
            package test;

            public enum Status { PENDING, CONFIRMED, SHIPPED }
            """);

    static final JavaFileObject EVERYTHING = JavaFileObjects.forSourceString("test.Everything", """
            package test;

            import io.factum.annotation.Event;
            import java.math.BigDecimal;
            import java.math.BigInteger;
            import java.time.Duration;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.LocalDateTime;
            import java.time.OffsetDateTime;
            import java.time.ZoneOffset;
            import java.util.LinkedHashMap;
            import java.util.LinkedHashSet;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;
            import java.util.UUID;

            @Event(name = "everything.happened", version = 3)
            public record Everything(
                    String text, boolean flag, char letter, byte small, short medium, int count, long big,
                    float ratio, double precise,
                    Boolean boxedFlag, Character boxedLetter, Byte boxedSmall, Short boxedMedium, Integer boxedCount,
                    Long boxedBig, Float boxedRatio, Double boxedPrecise,
                    BigDecimal amount, BigInteger huge, UUID id, Instant at, LocalDate day, LocalDateTime local,
                    OffsetDateTime offset, Duration duration,
                    Status status, OrderLine line,
                    List<OrderLine> lines, Set<String> tags, Map<String, Integer> counts,
                    Optional<String> note, Optional<OrderLine> maybeLine, Optional<Integer> absent,
                    List<Map<String, List<OrderLine>>> deep, List<Optional<Integer>> sparse, Set<Status> statusSet,
                    Map<String, Map<String, BigDecimal>> prices,
                    byte[] bytes, int[] ints, long[] longs, short[] shorts, double[] doubles, float[] floats,
                    boolean[] booleans, String[] words, Status[] statuses, OrderLine[] lineArray, Integer[] boxedInts,
                    List<int[]> intRows, Tree tree) {

                public record Tree(String label, List<Tree> children) {}

                public static Everything sample() {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    counts.put("zeta", 1);
                    counts.put("alpha", -2);
                    counts.put("with space/and \\"quote\\"", 3);
                    Set<String> tags = new LinkedHashSet<>(List.of("b", "a", "c"));
                    return new Everything(
                            "h\\u00e9llo \\"w\\u00f6rld\\"\\n\\t\\u263a \\ud83d\\ude00", true, 'x', (byte) -128, (short) 32767,
                            Integer.MIN_VALUE, Long.MAX_VALUE, 1.5f, Math.PI,
                            Boolean.FALSE, '\\u00e9', (byte) 127, (short) -32768, Integer.MAX_VALUE,
                            Long.MIN_VALUE, Float.MIN_VALUE, Double.MAX_VALUE,
                            new BigDecimal("123456789012345678901234567890.123456789012345678900"),
                            new BigInteger("-123456789012345678901234567890123456789"),
                            UUID.fromString("00000000-0000-0001-0000-000000000002"),
                            Instant.parse("2024-02-29T23:59:59.999999999Z"),
                            LocalDate.of(1999, 12, 31),
                            LocalDateTime.of(2024, 1, 2, 3, 4),
                            OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(-5)),
                            Duration.ofHours(26).plusMillis(5),
                            Status.SHIPPED, new OrderLine("SKU-9", 3, new BigDecimal("1E+3")),
                            List.of(new OrderLine("a", 1, BigDecimal.ONE), new OrderLine("b", 2, BigDecimal.TEN)),
                            tags, counts,
                            Optional.of("note"), Optional.of(new OrderLine("c", 3, new BigDecimal("0.000"))),
                            Optional.empty(),
                            List.of(Map.of("k", List.of(new OrderLine("d", 4, BigDecimal.ZERO))), Map.of()),
                            List.of(Optional.of(1), Optional.empty(), Optional.of(3)),
                            new LinkedHashSet<>(List.of(Status.CONFIRMED, Status.PENDING)),
                            Map.of("EUR", Map.of("net", new BigDecimal("-0.5"))),
                            new byte[] {0, 1, 2, -1, 127, -128}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                            new long[] {Long.MIN_VALUE, 0}, new short[] {7}, new double[] {Double.NaN,
                            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300},
                            new float[] {0.1f}, new boolean[] {true, false}, new String[] {"x", ""},
                            new Status[] {Status.PENDING}, new OrderLine[] {new OrderLine("e", 5, BigDecimal.ONE)},
                            new Integer[] {1, 2}, List.of(new int[] {1}, new int[0]),
                            new Tree("root", List.of(new Tree("left", List.of()), new Tree("right",
                                    List.of(new Tree("leaf", List.of()))))));
                }

                public static Everything empty() {
                    return new Everything(
                            "", false, ' ', (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                            false, ' ', (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                            BigDecimal.ZERO, BigInteger.ZERO, new UUID(0, 0), Instant.EPOCH, LocalDate.EPOCH,
                            LocalDateTime.of(LocalDate.EPOCH, java.time.LocalTime.MIDNIGHT),
                            OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), Duration.ZERO,
                            Status.PENDING, new OrderLine("", 0, BigDecimal.ZERO),
                            List.of(), Set.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                            List.of(), List.of(), Set.of(), Map.of(),
                            new byte[0], new int[0], new long[0], new short[0], new double[0], new float[0],
                            new boolean[0], new String[0], new Status[0], new OrderLine[0], new Integer[0], List.of(),
                            new Tree("", List.of()));
                }
            }
            """);

    /** Presence rules: required, primitive, Optional, @Nullable, collections. */
    static final JavaFileObject PRESENCE = JavaFileObjects.forSourceString("test.Presence", """
            package test;

            import io.factum.annotation.Event;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;

            @Event
            public record Presence(String required, int primitive, Optional<String> optional, @Nullable String nullable,
                                   List<String> list, Set<String> set, Map<String, Integer> map, int[] array,
                                   byte[] bytes, @Nullable List<String> nullableList) {

                @interface Nullable {}
            }
            """);

    /** Java identifiers need not be ASCII; the name matcher works on UTF-8 bytes. */
    static final JavaFileObject ADDRESS_CHANGED = JavaFileObjects.forSourceString("test.AddressChanged", """
            package test;

            @io.factum.annotation.Event
            public record AddressChanged(String stra\u00dfe, int \u6570\u91cf, String plz) {}
            """);

    /** An invariant checked by the record itself. */
    static final JavaFileObject STOCK_RESERVED = JavaFileObjects.forSourceString("test.StockReserved", """
            package test;

            @io.factum.annotation.Event
            public record StockReserved(String sku, java.util.List<Reservation> reservations) {
                public record Reservation(String warehouse, int quantity) {
                    public Reservation {
                        if (quantity <= 0) {
                            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
                        }
                    }
                }
            }
            """);

    static final Compilation COMPILATION = compileCleanly(ORDER_CREATED, ORDER_LINE, STATUS, EVERYTHING, PRESENCE,
            ADDRESS_CHANGED, STOCK_RESERVED);
    static final ClassLoader LOADER = classLoader(COMPILATION);

    private CodecFixtures() {}

    /** The generated codec's {@code INSTANCE}. */
    @SuppressWarnings("unchecked")
    static EventCodec<Object> codec(String codecClass) {
        try {
            return (EventCodec<Object>) LOADER.loadClass(codecClass).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a static no-argument factory of a compiled fixture. */
    static Object call(String className, String method) {
        try {
            return LOADER.loadClass(className).getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Creates a fixture record through its canonical constructor. */
    static Object create(String className, Object... arguments) {
        try {
            Class<?> type = LOADER.loadClass(className);
            Class<?>[] parameterTypes = java.util.Arrays.stream(type.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(parameterTypes).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A fixture's enum constant. */
    static Object constant(String enumClass, String name) {
        try {
            for (Object constant : LOADER.loadClass(enumClass).getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new AssertionError("no constant " + name);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
