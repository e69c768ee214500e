package io.factum.processor.upcast;

import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.TypeStep;
import io.factum.processor.base.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Upcast} methods, one declaring class at a time: model each method ({@link UpcastModeler}), then
 * generate its {@code <OldRecord>Upcaster} ({@link UpcasterGenerator}). A class whose methods refer to a type
 * not generated yet waits as a whole. At the end, {@link #checkChains} checks that every stored name's
 * versions form one unbroken chain.
 */
public final class UpcastStep extends TypeStep<List<UpcasterModel>> {

    private final UpcasterRegistry registry;
    private final UpcastModeler modeler;

    public UpcastStep(ProcessingEnvironment env, Reporter reporter) {
        this(env, reporter, new UpcasterRegistry());
    }

    private UpcastStep(ProcessingEnvironment env, Reporter reporter, UpcasterRegistry registry) {
        this(env, reporter, registry, new UpcastModeler(env.getTypeUtils(), env.getElementUtils(), registry));
    }

    private UpcastStep(ProcessingEnvironment env, Reporter reporter, UpcasterRegistry registry, UpcastModeler modeler) {
        super(env, reporter, FactumAnnotations.UPCAST, modeler::model, (declaring, upcasters) -> {
            for (UpcasterModel upcaster : upcasters) {
                registry.register(upcaster);
                // the class declaring the method is the origin that incremental builds track
                GeneratedCode.write(env.getFiler(), UpcasterGenerator.generate(upcaster), declaring);
            }
        });
        this.registry = registry;
        this.modeler = modeler;
    }

    /** Valid methods are generated even when a sibling method has errors: each method is its own element. */
    @Override
    protected boolean generatesValidParts() {
        return true;
    }

    @Override
    protected void unresolved(TypeElement type, MissingTypeException e, ValidationReport.Builder report) {
        ExecutableElement method = (ExecutableElement) e.element();
        report.add(method, Message.UPCAST_UNRESOLVED, modeler.display(method), e.typeName());
    }

    /** The valid upcasters seen so far, sorted by stored name then version: what the module lists. */
    public List<UpcasterModel> upcasters() {
        return registry.all();
    }

    /**
     * Reports, once every round is done, every break in a chain: a missing version between two others, or an
     * old version that nothing upcasts.
     *
     * @param versions every {@code @Event} record of the compilation (and those upcasters refer to):
     *                 stored name → version → record's qualified name
     */
    public void checkChains(Map<String, NavigableMap<Integer, String>> versions) {
        ValidationReport.Builder report = ValidationReport.about(null);
        for (Map.Entry<String, NavigableMap<Integer, String>> entry : versions.entrySet()) {
            String name = entry.getKey();
            NavigableMap<Integer, String> byVersion = entry.getValue();
            int current = byVersion.lastKey();
            for (Map.Entry<Integer, String> old : byVersion.headMap(current, false).entrySet()) {
                int version = old.getKey();
                TypeElement record = env.getElementUtils().getTypeElement(old.getValue());
                if (record == null) {
                    continue;
                }
                if (!byVersion.containsKey(version + 1)) {
                    report.add(record, Message.UPCAST_GAP, name, byVersion.keySet(), version + 1);
                } else if (!registry.contains(new UpcasterRegistry.StepKey(name, version))) {
                    String next = simpleName(byVersion.get(version + 1));
                    report.add(record, Message.UPCAST_MISSING, record.getSimpleName(), name, version, current,
                            version + 1, next);
                }
            }
        }
        reporter.print(report.build());
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
