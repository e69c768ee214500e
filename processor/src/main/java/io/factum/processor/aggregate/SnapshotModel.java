package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import io.factum.processor.event.RecordCodecs;
import java.util.List;

/**
 * An aggregate's valid snapshot declaration, as {@link AggregateTypeGenerator} needs it.
 *
 * @param record      the snapshot record
 * @param codecs      its codec and those of the records it uses, to write with the aggregate type
 * @param method      the aggregate's method that takes the snapshot ({@code snapshot()})
 * @param fingerprint the compile-time fingerprint stored with every snapshot (see {@link SnapshotFingerprint})
 * @param covered     what the fingerprint covers, one line each, for the generated Javadoc
 */
public record SnapshotModel(ClassName record, RecordCodecs.Prepared codecs, String method, String fingerprint,
                            List<String> covered) {

    public SnapshotModel {
        covered = List.copyOf(covered);
    }

    /** The generated codec of the snapshot record. */
    public ClassName codecClass() {
        return codecs.codecClass();
    }
}
