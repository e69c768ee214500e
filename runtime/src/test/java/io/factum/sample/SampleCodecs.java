package io.factum.sample;

import io.factum.event.EventCodec;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEncodingException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Hand-written codecs shaped like the generated ones: streaming writes, a name switch on read,
 * unknown properties skipped, missing required properties reported by name.
 */
final class SampleCodecs {

    private SampleCodecs() {}

    static final EventCodec<OrderPlaced> ORDER_PLACED = new EventCodec<>() {
        @Override
        public void write(JsonGenerator generator, OrderPlaced value) {
            generator.writeStartObject();
            generator.writeStringProperty("orderId", required("OrderPlaced", "orderId", value.orderId()));
            generator.writeStringProperty("customer", required("OrderPlaced", "customer", value.customer()));
            generator.writeEndObject();
        }

        @Override
        public OrderPlaced read(JsonParser parser) {
            String orderId = null;
            String customer = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "orderId" -> orderId = parser.getString();
                    case "customer" -> customer = parser.getString();
                    default -> parser.skipChildren();
                }
            }
            return new OrderPlaced(present("OrderPlaced", "orderId", orderId), present("OrderPlaced", "customer", customer));
        }
    };

    static final EventCodec<ItemAdded> ITEM_ADDED = new EventCodec<>() {
        @Override
        public void write(JsonGenerator generator, ItemAdded value) {
            generator.writeStartObject();
            generator.writeStringProperty("orderId", required("ItemAdded", "orderId", value.orderId()));
            generator.writeStringProperty("sku", required("ItemAdded", "sku", value.sku()));
            generator.writeNumberProperty("quantity", value.quantity());
            generator.writeEndObject();
        }

        @Override
        public ItemAdded read(JsonParser parser) {
            String orderId = null;
            String sku = null;
            Integer quantity = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "orderId" -> orderId = parser.getString();
                    case "sku" -> sku = parser.getString();
                    case "quantity" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new EventDecodingException("ItemAdded", "quantity", "expected an integer, found " + value);
                        }
                        quantity = parser.getIntValue();
                    }
                    default -> parser.skipChildren();
                }
            }
            return new ItemAdded(present("ItemAdded", "orderId", orderId), present("ItemAdded", "sku", sku),
                    present("ItemAdded", "quantity", quantity));
        }
    };

    static final EventCodec<OrderConfirmed> ORDER_CONFIRMED = new EventCodec<>() {
        @Override
        public void write(JsonGenerator generator, OrderConfirmed value) {
            generator.writeStartObject();
            generator.writeStringProperty("orderId", required("OrderConfirmed", "orderId", value.orderId()));
            generator.writeEndObject();
        }

        @Override
        public OrderConfirmed read(JsonParser parser) {
            String orderId = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("orderId")) {
                    orderId = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            return new OrderConfirmed(present("OrderConfirmed", "orderId", orderId));
        }
    };

    static final EventCodec<OrderCancelled> ORDER_CANCELLED = new EventCodec<>() {
        @Override
        public void write(JsonGenerator generator, OrderCancelled value) {
            generator.writeStartObject();
            generator.writeStringProperty("orderId", required("OrderCancelled", "orderId", value.orderId()));
            generator.writeStringProperty("reason", required("OrderCancelled", "reason", value.reason()));
            generator.writeEndObject();
        }

        @Override
        public OrderCancelled read(JsonParser parser) {
            String orderId = null;
            String reason = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "orderId" -> orderId = parser.getString();
                    case "reason" -> reason = parser.getString();
                    default -> parser.skipChildren();
                }
            }
            return new OrderCancelled(present("OrderCancelled", "orderId", orderId), present("OrderCancelled", "reason", reason));
        }
    };

    private static <T> T required(String type, String property, T value) {
        if (value == null) {
            throw new EventEncodingException(type, property, "must not be null");
        }
        return value;
    }

    private static <T> T present(String type, String property, T value) {
        if (value == null) {
            throw new EventDecodingException(type, property, "required property is missing or null");
        }
        return value;
    }
}
