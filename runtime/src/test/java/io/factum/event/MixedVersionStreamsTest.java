package io.factum.event;

import io.factum.store.AppendResult;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link MixedVersionStreams} against a minimal list-backed store; the contract suite runs it against every real store. */
class MixedVersionStreamsTest {

    @Test
    void aMixedVersionStreamReadsAsTheCurrentVersion() {
        MixedVersionStreams.check(new ListStore());
    }

    /** One stream, no checks: just enough store to carry payloads and versions through unchanged. */
    private static final class ListStore implements EventStore {
        private final List<StoredEvent> events = new ArrayList<>();

        @Override
        public AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> newEvents) {
            for (NewEvent event : newEvents) {
                long revision = events.size();
                events.add(new StoredEvent(event.eventId(), streamId, revision, revision + 1, event.type(),
                        event.schemaVersion(), event.occurredAt(), event.metadata(), event.payload().clone()));
            }
            return new AppendResult(streamId, events.size() - 1, events.size());
        }

        @Override
        public List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount) {
            return List.copyOf(events.subList((int) fromRevision, Math.min(events.size(), (int) fromRevision + maxCount)));
        }

        @Override
        public List<StoredEvent> readAll(long afterPosition, int maxCount) {
            return readStream(null, afterPosition, maxCount);
        }

        @Override
        public long streamRevision(String streamId) {
            return events.size() - 1;
        }
    }
}
