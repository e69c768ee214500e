package io.factum.event;

import io.factum.MessageText;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * An {@link EventCodec} applied to whole payloads: JSON bytes in and out, and the property paths
 * errors name. The one place the event layer touches Jackson's factory; {@code io.factum.codec.Json}
 * and the registry both call it. Thread-safe.
 */
public final class EventJson {

    /** The one factory Factum uses; Jackson factories are thread-safe and costly to create. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private EventJson() {}

    /** Encodes {@code value} with {@code codec} to UTF-8 JSON bytes. */
    public static <T> byte[] encode(EventCodec<T> codec, T value) {
        // Buffers come from Jackson's recycler pool and go back to it, as in ObjectMapper.writeValueAsBytes:
        // a recycler that is never released makes every call allocate fresh buffers.
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
                codec.write(generator, value);
            }
            return out.getClearAndRelease();
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Decodes one JSON object with {@code codec}. {@code typeName} is used in error messages.
     *
     * @throws EventDecodingException when the JSON is corrupt, truncated, not an object, followed by
     *                                trailing content, or does not fit the record
     */
    public static <T> T decode(EventCodec<T> codec, byte[] json, String typeName) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            try {
                return readObject(codec, parser, typeName);
            } catch (EventDecodingException | JacksonException e) {
                throw e;
            } catch (RuntimeException e) {
                // A codec's bug or a parser's unchecked exception: still only a decoding error may leave.
                throw new EventDecodingException(typeName, path(parser.streamReadContext(), false),
                        "the payload could not be read: " + e, e);
            }
        } catch (EventDecodingException e) {
            throw e;
        } catch (JacksonException e) {
            throw new EventDecodingException(typeName, pathOf(e), "corrupt or truncated JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T readObject(EventCodec<T> codec, JsonParser parser, String typeName) {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new EventDecodingException(typeName, null,
                    first == null ? "payload is empty" : "payload must be a JSON object, found " + first);
        }
        T value = codec.read(parser);
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new EventDecodingException(typeName, null, "unexpected content after the JSON object: " + trailing);
        }
        return value;
    }

    /** Where in the payload a Jackson error happened, e.g. {@code lines[2]}; null at the top level. */
    private static String pathOf(JacksonException e) {
        return e.processor() instanceof JsonParser parser ? path(parser.streamReadContext(), false) : null;
    }

    /**
     * The property path of a stream context, e.g. {@code lines[2].quantity}, or null at the root.
     *
     * @param pendingElement on write, the innermost array's next element (not yet written) is the subject
     */
    public static String path(TokenStreamContext context, boolean pendingElement) {
        List<String> segments = new ArrayList<>();
        boolean innermost = true;
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                if (innermost && pendingElement) {
                    segments.add("[" + c.getEntryCount() + "]");
                } else if (c.hasCurrentIndex()) {
                    segments.add("[" + c.getCurrentIndex() + "]");
                }
            } else if (c.hasCurrentName()) {
                segments.add(nameSegment(c.currentName()));
            }
            innermost = false;
        }
        if (segments.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            if (path.length() > 0 && segment.charAt(0) != '[') {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    /** Plain names as-is; map keys that are not identifiers quoted, e.g. {@code prices["EUR/USD"]}. */
    private static String nameSegment(String name) {
        boolean plain = !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0));
        for (int i = 1; plain && i < name.length(); i++) {
            // isJavaIdentifierPart accepts the ignorable control characters, which a message must not carry
            plain = Character.isJavaIdentifierPart(name.charAt(i)) && !Character.isIdentifierIgnorable(name.charAt(i));
        }
        return plain ? name : "[" + MessageText.doubleQuote(name) + "]";
    }
}
