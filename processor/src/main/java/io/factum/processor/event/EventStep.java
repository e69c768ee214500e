package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModeler.EventCodecs;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Event} records: model ({@link EventModeler}), then generate the codec of the record and of the
 * records nested in it ({@link CodecGenerator}). Each valid event is handed to {@code generated}, for the module.
 */
public final class EventStep extends TypeStep<EventCodecs> {

    private final EventModeler modeler = new EventModeler(this::codecExists);
    private final CodecGenerator generator = new CodecGenerator();
    private final Consumer<EventModel> generated;
    /** Codecs written by this compilation. */
    private final Set<ClassName> writtenCodecs = new HashSet<>();

    public EventStep(ProcessingEnvironment env, Reporter reporter, Consumer<EventModel> generated) {
        super(env, reporter);
        this.generated = generated;
    }

    @Override
    protected Collection<TypeElement> typesOf(RoundEnvironment round) {
        return ElementFilter.typesIn(FactumAnnotations.annotatedIn(round, env.getElementUtils(), FactumAnnotations.EVENT));
    }

    @Override
    protected EventCodecs model(TypeElement element, ValidationReport.Builder report) {
        return modeler.model(element, report);
    }

    @Override
    protected void generate(TypeElement record, EventCodecs model) {
        for (RecordCodecModel codec : model.codecs()) {
            if (writtenCodecs.add(codec.codecClass()) && env.getElementUtils().getTypeElement(codec.codecClass().canonicalName()) == null) {
                TypeElement origin = env.getElementUtils().getTypeElement(codec.recordClass().canonicalName());
                try {
                    GeneratedCode.write(env.getFiler(), generator.generate(codec), origin != null ? origin : record);
                } catch (UncheckedIOException e) {
                    reporter.internalError(origin, e); // the other codecs and the event go on
                }
            }
        }
        generated.accept(model.event());
    }

    /** Events never block the module: one that waits is reported (or registered) on its own. */
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

    /** A codec from an earlier round of this compilation or from the class path. */
    private boolean codecExists(TypeElement record) {
        ClassName codec = GeneratedNames.codecOf(ClassName.get(record));
        return writtenCodecs.contains(codec) || env.getElementUtils().getTypeElement(codec.canonicalName()) != null;
    }
}
