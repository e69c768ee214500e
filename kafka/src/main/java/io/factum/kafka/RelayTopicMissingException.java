package io.factum.kafka;

import io.factum.FactumException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A topic the relay produces to does not exist (deleted, or never created on a cluster that does not create
 * topics on first use). The batch was aborted, so nothing after the relay's position is lost or half written;
 * the running relay keeps this as its {@link KafkaRelay#lastError()}, waits and tries again, and goes on from
 * its position once the topic exists again.
 */
public final class RelayTopicMissingException extends FactumException {
    private static final long serialVersionUID = 1L;

    private final SortedSet<String> topics;
    private final long position;

    RelayTopicMissingException(String relay, Set<String> topics, long position, Throwable cause) {
        super("Relay '" + relay + "' cannot produce to topic" + (topics.size() == 1 ? " " : "s ")
                + String.join(", ", new TreeSet<>(topics)) + ": it does not exist (deleted, or never created and the "
                + "cluster does not create topics on first use). The batch after global position " + position
                + " was aborted; create the topic and the relay goes on from there", cause);
        this.topics = new TreeSet<>(topics);
        this.position = position;
    }

    /** The topics that do not exist. */
    public SortedSet<String> topics() {
        return topics;
    }

    /** The last global position the relay committed; it goes on after it. */
    public long position() {
        return position;
    }
}
