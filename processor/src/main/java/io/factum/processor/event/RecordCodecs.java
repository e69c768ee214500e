package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.ClassPath;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.ValidationReport;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * The record codecs of one compilation, shared by every step that needs one: events ({@link EventStep}) and
 * records that are not events, such as aggregate snapshots. One instance per compilation, so a record used by
 * an event and by a snapshot is analysed, reported and written once, by the same {@link CodecGenerator}.
 */
public final class RecordCodecs {

    /** The codecs one record needs, ready to write; opaque outside this package. */
    public static final class Prepared {
        private final ClassName codecClass;
        private final List<RecordCodecModel> models;

        private Prepared(ClassName codecClass, List<RecordCodecModel> models) {
            this.codecClass = codecClass;
            this.models = List.copyOf(models);
        }

        /** The codec of the record itself, an {@code io.factum.event.EventCodec} of it. */
        public ClassName codecClass() {
            return codecClass;
        }
    }

    private final CodecFiles files;
    private final EventModeler modeler;

    public RecordCodecs(ProcessingEnvironment env, Reporter reporter) {
        ClassPath classPath = new ClassPath(env.getFiler());
        this.files = new CodecFiles(env, reporter, classPath);
        this.modeler = new EventModeler(files::exists, classPath, env.getElementUtils());
    }

    /**
     * Models the codecs of {@code record} (not an event) and the records it uses; null when a component cannot be
     * encoded (reported on that component into {@code report}, with the same messages as events).
     *
     * @throws MissingTypeException if a component type is not resolved yet and nothing else is wrong
     */
    public Prepared prepare(TypeElement record, ValidationReport.Builder report) {
        List<RecordCodecModel> models = modeler.recordCodecs(record, report);
        return models == null ? null : new Prepared(models.get(0).codecClass(), models);
    }

    /** Writes the prepared codecs that do not exist yet, originating from their records (or {@code origin}). */
    public void write(TypeElement origin, Prepared prepared) {
        files.write(origin, prepared.models);
    }

    CodecFiles files() {
        return files;
    }

    EventModeler modeler() {
        return modeler;
    }
}
