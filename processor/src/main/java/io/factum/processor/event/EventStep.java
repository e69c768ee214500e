package io.factum.processor.event;

import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModeler.EventCodecs;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Event} records: model ({@link EventModeler}), then generate the codec of the record and of the
 * records nested in it ({@link CodecGenerator}). Each valid event is handed to {@code generated}, for the module.
 */
public final class EventStep extends TypeStep<EventCodecs> {

    public EventStep(ProcessingEnvironment env, Reporter reporter, Consumer<EventModel> generated) {
        this(env, reporter, generated, new RecordCodecs(env, reporter));
    }

    /** An event step that shares its codecs with the other steps that write record codecs (snapshots). */
    public EventStep(ProcessingEnvironment env, Reporter reporter, Consumer<EventModel> generated, RecordCodecs codecs) {
        super(env, reporter, FactumAnnotations.EVENT, codecs.modeler()::model, (record, model) -> {
            codecs.files().write(record, model.codecs());
            generated.accept(model.event());
        });
    }

    /** {@code @PersonalData} or {@code @DataSubject} outside an {@code @Event} record would never be applied. */
    @Override
    protected void beforeTypes(RoundEnvironment round) {
        for (String annotation : List.of(FactumAnnotations.PERSONAL_DATA, FactumAnnotations.DATA_SUBJECT)) {
            PersonalDataRules.reportOutsideEvents(
                    FactumAnnotations.annotatedIn(round, env.getElementUtils(), annotation), annotation, reporter);
        }
    }

    /** Events never hold the module back: one that waits is reported (or registered) on its own. */
    @Override
    public boolean hasDeferred() {
        return false;
    }

    /** A component type that never resolved is reported on that component. */
    @Override
    protected void unresolved(TypeElement type, MissingTypeException e, ValidationReport.Builder report) {
        if (e.element() != null) {
            report.add(e.element(), Message.UNRESOLVED_TYPE, e.element().getSimpleName(), e.element().asType());
        }
    }
}
