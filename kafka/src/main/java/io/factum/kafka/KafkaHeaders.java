package io.factum.kafka;

import io.factum.MessageText;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How an event's envelope travels in Kafka record headers (the value is the stored payload, untouched; the key
 * is the stream id). Every header value is UTF-8 text.
 *
 * <table>
 *   <caption>Headers</caption>
 *   <tr><td>{@value #EVENT_ID}</td><td>event id (UUID)</td></tr>
 *   <tr><td>{@value #TYPE}</td><td>stored type name</td></tr>
 *   <tr><td>{@value #SCHEMA_VERSION}</td><td>schema version the payload was stored with</td></tr>
 *   <tr><td>{@value #STREAM_REVISION}</td><td>revision in its stream</td></tr>
 *   <tr><td>{@value #GLOBAL_POSITION}</td><td>position in the store's global order</td></tr>
 *   <tr><td>{@value #OCCURRED_AT}</td><td>ISO-8601 instant</td></tr>
 *   <tr><td>{@value #CORRELATION_ID}, {@value #CAUSATION_ID}</td><td>only when set</td></tr>
 *   <tr><td>{@value #HEADER_PREFIX}{@code <name>}</td><td>each metadata header</td></tr>
 *   <tr><td>{@code traceparent}, {@code tracestate}</td><td>also under their W3C names, when the metadata has them</td></tr>
 * </table>
 */
public final class KafkaHeaders {

    public static final String EVENT_ID = "factum.event-id";
    public static final String TYPE = "factum.type";
    public static final String SCHEMA_VERSION = "factum.schema-version";
    public static final String STREAM_REVISION = "factum.stream-revision";
    public static final String GLOBAL_POSITION = "factum.global-position";
    public static final String OCCURRED_AT = "factum.occurred-at";
    public static final String CORRELATION_ID = "factum.correlation-id";
    public static final String CAUSATION_ID = "factum.causation-id";
    public static final String HEADER_PREFIX = "factum.header.";
    private static final String[] TRACE_HEADERS = {"traceparent", "tracestate"};

    private KafkaHeaders() {}

    /** The headers of the record that carries {@code event}. */
    public static Headers of(StoredEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EVENT_ID, event.eventId().toString());
        add(headers, TYPE, event.type());
        add(headers, SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        add(headers, STREAM_REVISION, Long.toString(event.streamRevision()));
        add(headers, GLOBAL_POSITION, Long.toString(event.globalPosition()));
        add(headers, OCCURRED_AT, event.occurredAt().toString());
        Metadata metadata = event.metadata();
        if (metadata.correlationId() != null) {
            add(headers, CORRELATION_ID, metadata.correlationId().toString());
        }
        if (metadata.causationId() != null) {
            add(headers, CAUSATION_ID, metadata.causationId().toString());
        }
        metadata.headers().forEach((name, value) -> add(headers, HEADER_PREFIX + name, value));
        for (String trace : TRACE_HEADERS) {
            String value = metadata.headers().get(trace);
            if (value != null) {
                add(headers, trace, value);
            }
        }
        return headers;
    }

    /**
     * The stored event a record carries: envelope from its headers, payload = its value.
     *
     * @throws MalformedRecordException when a required header is missing or does not parse, or the record has no
     *                                  key or value; the error names topic, partition, offset and header
     */
    public static StoredEvent read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        if (record.key() == null) {
            throw new MalformedRecordException(record, "has no key (the stream id)");
        }
        if (record.value() == null) {
            throw new MalformedRecordException(record, "has no value (the event payload)");
        }
        UUID eventId = uuid(record, EVENT_ID, required(record, EVENT_ID));
        String type = required(record, TYPE);
        int version = (int) number(record, SCHEMA_VERSION);
        long revision = number(record, STREAM_REVISION);
        long position = number(record, GLOBAL_POSITION);
        String occurred = required(record, OCCURRED_AT);
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(occurred);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(record, "has header " + OCCURRED_AT + " = '" + occurred
                    + "', not an ISO-8601 instant");
        }
        String correlation = optional(headers, CORRELATION_ID);
        String causation = optional(headers, CAUSATION_ID);
        Map<String, String> extra = new TreeMap<>();
        for (Header header : headers) {
            if (header.key().startsWith(HEADER_PREFIX) && header.value() != null) {
                extra.put(header.key().substring(HEADER_PREFIX.length()), text(header));
            }
        }
        Metadata metadata = new Metadata(correlation == null ? null : uuid(record, CORRELATION_ID, correlation),
                causation == null ? null : uuid(record, CAUSATION_ID, causation), extra);
        return new StoredEvent(eventId, record.key(), revision, position, type, version, occurredAt, metadata,
                record.value());
    }

    /** The global position a record carries, or -1 when it has no (parsable) position header. */
    public static long globalPosition(Headers headers) {
        String text = optional(headers, GLOBAL_POSITION);
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : text(header);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = optional(record.headers(), name);
        if (value == null) {
            throw new MalformedRecordException(record, "has no header " + name
                    + " (was it produced by a Factum relay?)");
        }
        return value;
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name) {
        String value = required(record, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(record, "has header " + name + " = " + MessageText.quote(value) + ", not a number");
        }
    }

    private static UUID uuid(ConsumerRecord<String, byte[]> record, String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(record, "has header " + name + " = " + MessageText.quote(value) + ", not a UUID");
        }
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
