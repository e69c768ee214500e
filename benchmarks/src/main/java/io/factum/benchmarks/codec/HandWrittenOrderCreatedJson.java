package io.factum.benchmarks.codec;

import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.benchmarks.domain.SalesChannel;
import io.factum.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The reference point for generated codecs: {@link OrderCreated} written and read by hand on
 * Jackson's streaming API, the way a careful engineer would without a generator (pre-encoded
 * property names, a {@code switch} on the name when reading, no validation beyond what the
 * parser does). It uses the same factory as Factum's {@link Json}, and recycles Jackson's buffers the
 * way {@code JsonMapper} does.
 */
public final class HandWrittenOrderCreatedJson {

    private static final SerializableString ORDER_ID = new SerializedString("orderId");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customerId");
    private static final SerializableString CHANNEL = new SerializedString("channel");
    private static final SerializableString LINES = new SerializedString("lines");
    private static final SerializableString CREATED_AT = new SerializedString("createdAt");
    private static final SerializableString SKU = new SerializedString("sku");
    private static final SerializableString QUANTITY = new SerializedString("quantity");
    private static final SerializableString UNIT_PRICE = new SerializedString("unitPrice");

    private HandWrittenOrderCreatedJson() {}

    public static byte[] encode(OrderCreated event) {
        // Borrow Jackson's buffers and give them back, as ObjectWriter.writeValueAsBytes does; without
        // the release every call allocates fresh buffers (about 18 KB).
        BufferRecycler recycler = Json.FACTORY._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
                write(generator, event);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    private static void write(JsonGenerator generator, OrderCreated event) {
        generator.writeStartObject();
        generator.writeName(ORDER_ID);
        generator.writeString(event.orderId().toString());
        generator.writeName(CUSTOMER_ID);
        generator.writeString(event.customerId());
        generator.writeName(CHANNEL);
        generator.writeString(event.channel().name());
        generator.writeName(LINES);
        generator.writeStartArray();
        for (OrderLine line : event.lines()) {
            generator.writeStartObject();
            generator.writeName(SKU);
            generator.writeString(line.sku());
            generator.writeName(QUANTITY);
            generator.writeNumber(line.quantity());
            generator.writeName(UNIT_PRICE);
            generator.writeNumber(line.unitPrice());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeName(CREATED_AT);
        generator.writeString(event.createdAt().toString());
        generator.writeEndObject();
    }

    public static OrderCreated decode(byte[] json) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            UUID orderId = null;
            String customerId = null;
            SalesChannel channel = null;
            List<OrderLine> lines = null;
            Instant createdAt = null;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "orderId":
                        orderId = UUID.fromString(parser.getString());
                        break;
                    case "customerId":
                        customerId = parser.getString();
                        break;
                    case "channel":
                        channel = SalesChannel.valueOf(parser.getString());
                        break;
                    case "lines":
                        expect(value, JsonToken.START_ARRAY);
                        lines = readLines(parser);
                        break;
                    case "createdAt":
                        createdAt = Instant.parse(parser.getString());
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            return new OrderCreated(orderId, customerId, channel, lines, createdAt);
        }
    }

    private static List<OrderLine> readLines(JsonParser parser) {
        List<OrderLine> lines = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String sku = null;
            int quantity = 0;
            BigDecimal unitPrice = null;
            String name;
            while ((name = parser.nextName()) != null) {
                parser.nextToken();
                switch (name) {
                    case "sku":
                        sku = parser.getString();
                        break;
                    case "quantity":
                        quantity = parser.getIntValue();
                        break;
                    case "unitPrice":
                        unitPrice = parser.getDecimalValue();
                        break;
                    default:
                        parser.skipChildren();
                }
            }
            lines.add(new OrderLine(sku, quantity, unitPrice));
        }
        return List.copyOf(lines);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}
