package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Message;
import io.factum.processor.Names;
import io.factum.processor.Reporter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Processes {@code @Event} records: validate, build the model, generate the codec (and the codecs of the
 * records nested in it). An element with errors is reported and generates nothing; the others go on.
 */
public final class EventStep {

    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern STORED_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final Elements elements;
    private final RecordAnalyzer analyzer;
    private final CodecGenerator generator = new CodecGenerator();

    /** Stored name + version → the first record that claimed it, across rounds. */
    private final Map<String, ClassName> storedIdentities = new HashMap<>();
    /** Codecs written by this compilation. */
    private final Set<ClassName> writtenCodecs = new HashSet<>();
    /** Events whose component types were not resolved yet, by qualified name: retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    public EventStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.elements = env.getElementUtils();
        this.analyzer = new RecordAnalyzer(reporter);
    }

    /**
     * Validates and generates for the {@code @Event}-annotated elements of one round.
     * Elements with errors are reported and left out; generation failures never escape.
     *
     * @return the models of the valid events of this round
     */
    public List<EventModel> process(Set<? extends Element> annotated) {
        Set<Element> todo = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement retry = elements.getTypeElement(name);
            if (retry != null) {
                todo.add(retry);
            }
        }
        deferred.clear();
        todo.addAll(annotated);

        List<EventModel> events = new ArrayList<>();
        for (Element element : todo) {
            try {
                EventModel event = processEvent(element);
                if (event != null) {
                    events.add(event);
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // as Reporter.guard: this element is abandoned, the others go on
                reporter.internalError(element, e);
            }
        }
        return events;
    }

    /** Called once when processing is over: reports the events whose component types never resolved. */
    public void finish() {
        for (String name : deferred) {
            TypeElement record = elements.getTypeElement(name);
            if (record == null) {
                continue;
            }
            try {
                RecordComponentElement component = analyzer.firstUnresolvedComponent(record);
                if (component != null) {
                    reporter.error(RecordAnalyzer.positionOf(component), Message.UNRESOLVED_TYPE,
                            component.getSimpleName(), component.asType());
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                reporter.internalError(record, e);
            }
        }
        deferred.clear();
    }

    /** The model of a valid event, or null when it has errors (reported) or must wait for the next round. */
    private EventModel processEvent(Element element) {
        AnnotationMirror annotation = Names.annotation(element, Names.EVENT);
        if (element.getKind() != ElementKind.RECORD) {
            String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            reporter.error(element, annotation, Message.EVENT_NOT_RECORD,
                    kind + " " + element.getSimpleName(), element.getSimpleName());
            return null;
        }
        TypeElement record = (TypeElement) element;
        int errorsBefore = reporter.errorCount();
        EventModel event = EventModel.identityOf(record);
        validateDeclaration(record, annotation, event);
        Set<TypeElement> records = reachableRecords(record);
        if (records == null) {
            if (reporter.errorCount() == errorsBefore) {
                deferred.add(record.getQualifiedName().toString());  // retried next round; errors are not repeated
            }
            return null;
        }
        if (reporter.errorCount() != errorsBefore || !analyzer.analyse(record).valid()) {
            return null;
        }
        for (TypeElement used : records) {
            writeCodec(used);
        }
        return event;
    }

    private void validateDeclaration(TypeElement record, AnnotationMirror annotation, EventModel event) {
        boolean identityValid = true;
        if (event.version() < 1) {
            reporter.error(record, annotation, Message.EVENT_VERSION, event.version());
            identityValid = false;
        }
        if (event.storedName().length() > MAX_NAME_LENGTH || !STORED_NAME.matcher(event.storedName()).matches()) {
            reporter.error(record, annotation, Message.EVENT_NAME, event.storedName(), MAX_NAME_LENGTH);
            identityValid = false;
        }
        String accessProblem = RecordAnalyzer.accessProblem(record, RecordAnalyzer.packageOf(record));
        if (accessProblem != null) {
            reporter.error(record, annotation, Message.EVENT_NOT_ACCESSIBLE,
                    record.getSimpleName(), RecordAnalyzer.packageOf(record), "it " + accessProblem);
        }
        if (!record.getTypeParameters().isEmpty()) {
            reporter.error(record, annotation, Message.EVENT_GENERIC, record.getSimpleName(), record.getTypeParameters());
        }
        if (identityValid) {
            String key = event.storedName() + " v" + event.version();
            ClassName first = storedIdentities.putIfAbsent(key, event.recordClass());
            if (first != null && !first.equals(event.recordClass())) {
                reporter.error(record, annotation, Message.DUPLICATE_EVENT,
                        first.canonicalName(), event.recordClass().canonicalName(), event.storedName(), event.version());
            }
        }
    }

    /**
     * The event record and every record its codec needs, each analysed (errors reported on their components);
     * null if some component type is not resolved yet and nothing was wrong otherwise (so it is worth a retry). A record whose codec already exists (an earlier round,
     * another jar) is trusted and not followed.
     */
    private Set<TypeElement> reachableRecords(TypeElement event) {
        RecordAnalyzer.Analysis root = analyzer.analyse(event);
        if (root.unresolved()) {
            return null;
        }
        Set<TypeElement> reachable = new LinkedHashSet<>();
        reachable.add(event);
        boolean unresolved = false;
        boolean invalidFound = !root.valid();
        for (RecordComponentElement component : event.getRecordComponents()) {
            Deque<TypeElement> queue = new ArrayDeque<>(
                    root.nestedRecordsByComponent().getOrDefault(component.getSimpleName().toString(), Set.of()));
            TypeElement invalid = null;
            while (!queue.isEmpty()) {
                TypeElement nested = queue.poll();
                if (reachable.contains(nested) || codecExists(nested)) {
                    continue;
                }
                RecordAnalyzer.Analysis analysis = analyzer.analyse(nested);
                if (analysis.unresolved()) {
                    unresolved = true;
                    continue;
                }
                if (!analysis.valid()) {
                    invalid = invalid == null ? nested : invalid;
                    continue;
                }
                reachable.add(nested);
                for (Set<TypeElement> next : analysis.nestedRecordsByComponent().values()) {
                    queue.addAll(next);
                }
            }
            if (invalid != null) {
                invalidFound = true;
                reporter.error(RecordAnalyzer.positionOf(component), Message.NESTED_RECORD_INVALID,
                        component.getSimpleName(), invalid.getQualifiedName(), invalid.getSimpleName());
            }
        }
        return unresolved && !invalidFound ? null : reachable;
    }

    /** A codec from an earlier round of this compilation or from the class path. */
    private boolean codecExists(TypeElement record) {
        ClassName codec = Names.codecOf(ClassName.get(record));
        return writtenCodecs.contains(codec) || elements.getTypeElement(codec.canonicalName()) != null;
    }

    private void writeCodec(TypeElement record) {
        if (codecExists(record)) {
            return;
        }
        RecordCodecModel model = analyzer.analyse(record).model();
        JavaFile file = generator.generate(model);
        writtenCodecs.add(model.codecClass());
        try {
            GeneratedCode.write(env.getFiler(), file, record);
        } catch (UncheckedIOException e) {
            reporter.internalError(record, e);
        }
    }
}
