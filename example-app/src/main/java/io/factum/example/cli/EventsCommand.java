package io.factum.example.cli;

import io.factum.event.EventEnvelope;
import io.factum.example.shared.InvalidInputException;
import io.factum.store.StoredEvent;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The store's global log, as subscriptions read it. */
@Command(name = "events", description = "List stored events in global order, with the event that caused each reaction.")
final class EventsCommand implements Callable<Integer> {

    @ParentCommand
    ExampleCli cli;

    @Option(names = "--after", paramLabel = "POSITION", defaultValue = "0", description = "start after this global position")
    long after;

    @Option(names = "--limit", paramLabel = "COUNT", defaultValue = "100", description = "at most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (after < 0 || limit < 1) {
            throw new InvalidInputException("--after must be >= 0 and --limit >= 1");
        }
        return cli.withApp(app -> {
            List<StoredEvent> events = app.store().readAll(after, limit);
            Console console = cli.console();
            console.line("%-8s %-8s %-8s %-24s %-4s %-24s %s", "position", "id", "cause", "stream", "rev", "occurred at (UTC)", "event");
            for (StoredEvent stored : events) {
                EventEnvelope<Object> event = app.registry().envelope(stored);
                console.line("%-8d %-8s %-8s %-24s %-4d %-24s %s v%d %s", event.globalPosition(), shortId(event.eventId()),
                        event.metadata().causationId() == null ? "-" : shortId(event.metadata().causationId()),
                        event.streamId(), event.streamRevision(),
                        DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().truncatedTo(ChronoUnit.MILLIS)),
                        event.type(), event.schemaVersion(), event.payload());
            }
            if (events.size() == limit) {
                console.line("(more: --after %d)", events.get(events.size() - 1).globalPosition());
            }
            return 0;
        });
    }

    /** The first 8 hex digits of an event id: enough to follow a chain of causes by eye. */
    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}
