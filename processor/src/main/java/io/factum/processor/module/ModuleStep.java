package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import io.factum.processor.aggregate.AggregateModel;
import io.factum.processor.base.ClassPath;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Message;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.event.EventClaims;
import io.factum.processor.event.EventModel;
import io.factum.processor.upcast.UpcasterModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Collects the valid events and aggregates of every round and writes the compilation unit's
 * {@code FactumModule} once, plus its {@code META-INF/services} entries. The processor decides
 * when ({@link #isPending()}): after the last round that brought new elements, so javac still
 * compiles the module and it can name everything generated before.
 */
public final class ModuleStep {

    /**
     * The module is listed under each interface it implements that the runtime looks up: each runtime layer
     * loads its own interface, so that none depends on the module package above it.
     */
    private static final List<ClassName> SERVICES = List.of(RuntimeTypes.FACTUM_MODULE,
            RuntimeTypes.EVENT_TYPE_PROVIDER, RuntimeTypes.AGGREGATE_TYPE_PROVIDER);

    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final Map<String, EventModel> events = new TreeMap<>();
    private final Map<String, AggregateModel> aggregates = new TreeMap<>();
    private final List<EventModel> roundEvents = new ArrayList<>();
    private final List<AggregateModel> roundAggregates = new ArrayList<>();
    /** Generated {@code <Handler>Subscribers} by handler class name. */
    private final Map<String, ClassName> subscribers = new TreeMap<>();
    private final Supplier<List<UpcasterModel>> upcasters;
    private final ClassPath classPath;
    private ClassName written;

    public ModuleStep(ProcessingEnvironment env, Reporter reporter, Supplier<List<UpcasterModel>> upcasters) {
        this.env = env;
        this.reporter = reporter;
        this.upcasters = upcasters;
        this.classPath = new ClassPath(env.getFiler());
    }

    /** An event whose codec was generated in this round. */
    public void addEvent(EventModel event) {
        roundEvents.add(event);
    }

    /** An aggregate whose type was generated in this round. */
    public void addAggregate(AggregateModel aggregate) {
        roundAggregates.add(aggregate);
    }

    /**
     * Takes in what round {@code round} generated; after the module is written it can only be reported.
     *
     * @return whether the round generated a codec or an aggregate type (so javac runs another round)
     */
    public boolean endRound(int round) {
        boolean generated = !roundEvents.isEmpty() || !roundAggregates.isEmpty();
        if (written != null) {
            roundEvents.forEach(e -> reportLate(e.recordClass(), round));
            roundAggregates.forEach(a -> reportLate(a.aggregateClass(), round));
        } else {
            roundEvents.forEach(e -> events.put(e.recordClass().canonicalName(), e));
            roundAggregates.forEach(a -> aggregates.put(a.aggregateClass().canonicalName(), a));
        }
        roundEvents.clear();
        roundAggregates.clear();
        return generated;
    }

    /** A handler whose {@code <Handler>Subscribers} was generated; after the module is written it can only be reported. */
    public void addSubscriber(ClassName handler, ClassName subscribersClass, int round) {
        if (written != null) {
            reportLate(handler, round);
            return;
        }
        subscribers.put(handler.canonicalName(), subscribersClass);
    }

    /** Whether there is something to register and the module is not written yet. */
    public boolean isPending() {
        return written == null && !(events.isEmpty() && aggregates.isEmpty() && subscribers.isEmpty());
    }

    /** Writes the module, its service entries and the claims of its events' stored names. */
    public void write() {
        ModuleModel model = model();
        Element[] originating = originatingElements();
        GeneratedCode.write(env.getFiler(), ModuleGenerator.generate(model), originating);
        EventClaims.write(env.getFiler(), model.events(), model.moduleClass(), originating);
        for (ClassName service : SERVICES) {
            String file = "META-INF/services/" + service.canonicalName();
            try (Writer writer = env.getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", file, originating)
                    .openWriter()) {
                writer.write(model.moduleClass().reflectionName() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }
        written = model.moduleClass();
    }

    ModuleModel model() {
        List<ClassName> aggregateTypes = aggregates.values().stream()
                .sorted(Comparator.comparing(AggregateModel::name).thenComparing(a -> a.aggregateClass().canonicalName()))
                .map(AggregateModel::typeClass)
                .toList();
        return new ModuleModel(moduleClass(), new ArrayList<>(events.values()), aggregateTypes, upcasters.get(),
                new ArrayList<>(subscribers.values()));
    }

    /**
     * The option's name (an error if another unit's class already has it), or the default name; when that is
     * taken on the class path (the main module seen from the test sources, or a jar of the same package this
     * one depends on), the first free one of {@code <Name>2}, {@code <Name>3}, ...
     */
    private ClassName moduleClass() {
        String option = env.getOptions().get(ModuleNaming.OPTION);
        if (option != null) {
            if (ModuleNaming.isValidOption(option)) {
                ClassName chosen = ModuleNaming.fromOption(option);
                if (takenByAnotherUnit(chosen)) {
                    reporter.print(null, Message.MODULE_EXISTS, chosen.canonicalName());
                }
                return chosen;
            }
            reporter.print(null, Message.MODULE_OPTION, option);
        }
        TreeSet<String> packages = new TreeSet<>();
        events.values().forEach(e -> packages.add(e.recordClass().packageName()));
        aggregates.values().forEach(a -> packages.add(a.aggregateClass().packageName()));
        if (packages.isEmpty()) { // handlers only; with events or aggregates the name stays what it was before handlers were listed
            subscribers.values().forEach(s -> packages.add(s.packageName()));
        }
        ClassName base = ModuleNaming.byDefault(packages);
        ClassName name = base;
        for (int n = 2; takenByAnotherUnit(name); n++) {
            name = ModuleNaming.numbered(base, n);
        }
        return name;
    }

    /** Whether a class named {@code module} exists, other than this unit's own module of an earlier build. */
    private boolean takenByAnotherUnit(ClassName module) {
        return env.getElementUtils().getTypeElement(module.canonicalName()) != null
                && !classPath.isOwnOutput(module.packageName(), String.join("$", module.simpleNames()) + ".class");
    }

    private Element[] originatingElements() {
        List<Element> elements = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(events.keySet());
        names.addAll(aggregates.keySet());
        names.addAll(subscribers.keySet());
        for (String name : names) {
            TypeElement type = env.getElementUtils().getTypeElement(name);
            if (type != null) {
                elements.add(type);
            }
        }
        return elements.toArray(new Element[0]);
    }

    private void reportLate(ClassName type, int round) {
        TypeElement element = env.getElementUtils().getTypeElement(type.canonicalName());
        reporter.print(element, Message.MODULE_LATE_ELEMENT, type.simpleName(), round, written);
    }
}
