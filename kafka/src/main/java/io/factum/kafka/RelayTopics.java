package io.factum.kafka;

import io.factum.store.StoredEvent;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Chooses the topic each relayed event goes to. */
@FunctionalInterface
public interface RelayTopics {

    /** What Kafka accepts as a topic name. */
    Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** The topic of {@code event}. */
    String topicOf(StoredEvent event);

    /** Every event to one topic. */
    static RelayTopics single(String topic) {
        requireValid(topic, "the single relay topic");
        return event -> topic;
    }

    /**
     * One topic per aggregate type: {@code prefix + aggregateType}, where the aggregate type is the stream id up to
     * its first {@code '-'} ({@code Order-42} goes to {@code prefix + "Order"}); a stream id without one is its own type.
     */
    static RelayTopics perAggregateType(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return event -> prefix + aggregateType(event.streamId());
    }

    /** A topic computed by {@code chooser}. */
    static RelayTopics by(Function<StoredEvent, String> chooser) {
        Objects.requireNonNull(chooser, "chooser");
        return chooser::apply;
    }

    /** The aggregate type of a stream id: the part before its first {@code '-'}, as {@code AggregateType.streamId} builds it. */
    static String aggregateType(String streamId) {
        int dash = streamId.indexOf('-');
        return dash < 0 ? streamId : streamId.substring(0, dash);
    }

    /** @throws InvalidRelayTopicException when {@code topic} is not a valid Kafka topic name */
    static String requireValid(String topic, String what) {
        if (topic == null || !VALID_NAME.matcher(topic).matches()) {
            throw new InvalidRelayTopicException("The topic of " + what + " is '" + topic + "': Kafka topic names are "
                    + "1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'");
        }
        return topic;
    }
}
