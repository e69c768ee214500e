package io.factum.processor.aggregate;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import io.factum.processor.base.Accessibility;
import io.factum.processor.base.AnnotationMirrors;
import io.factum.processor.base.ElementChecks;
import io.factum.processor.base.FactumAnnotations;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Message;
import io.factum.processor.base.MissingTypeException;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.RecordCodecs;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates an aggregate's snapshot declaration ({@code @Aggregate(snapshot = OrderSnapshot.class)}, an
 * {@code OrderSnapshot snapshot()} method and an {@code Order(OrderSnapshot)} constructor) and models it with its
 * codecs and fingerprint. Problems go into the aggregate's report, each on the most specific element.
 */
final class SnapshotModeler {

    private final Types types;
    private final Elements elements;
    private final RecordCodecs codecs;
    private final Trees trees;

    SnapshotModeler(ProcessingEnvironment env, RecordCodecs codecs) {
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.codecs = codecs;
        Trees found;
        try {
            found = Trees.instance(env);
        } catch (IllegalArgumentException e) {
            found = null;
        }
        this.trees = found;
    }

    /**
     * The snapshot model, or null when the aggregate declares none or {@code report} got errors.
     *
     * @throws MissingTypeException if the snapshot record or one of its component types is not generated yet
     */
    SnapshotModel model(TypeElement aggregate, AnnotationMirror annotation, List<ExecutableElement> applyMethods,
                        ValidationReport.Builder report) {
        AnnotationValue written = AnnotationMirrors.writtenValue(annotation, "snapshot");
        if (written == null) {
            return null;
        }
        if (!(written.getValue() instanceof TypeMirror mirror)) {
            // javac gives an unresolved class literal as a string such as "<error>"
            throw new MissingTypeException(aggregate, written.toString());
        }
        if (!(mirror instanceof DeclaredType declared)) {
            report.add(aggregate, annotation, written, Message.SNAPSHOT_NOT_RECORD, mirror, "the type " + mirror);
            return null;
        }
        TypeElement record = (TypeElement) declared.asElement();
        String recordName = record.getSimpleName().toString();
        String typeClass = GeneratedNames.aggregateTypeOf(ClassName.get(aggregate)).simpleName();
        if (record.getKind() != ElementKind.RECORD) {
            report.add(aggregate, annotation, written, Message.SNAPSHOT_NOT_RECORD, recordName,
                    ElementChecks.describeKind(record));
            return null;
        }
        if (AnnotationMirrors.has(record, FactumAnnotations.EVENT)) {
            report.add(aggregate, annotation, written, Message.SNAPSHOT_IS_EVENT, recordName);
            return null;
        }
        // No access check: javac rejects a class literal the aggregate cannot name, and the generated type lives in
        // the aggregate's package, so it can name whatever the annotation could.
        int version = snapshotVersion(aggregate, annotation, report);
        ExecutableElement snapshot = snapshotMethod(aggregate, annotation, record, typeClass, report);
        ExecutableElement restore = restoreConstructor(aggregate, annotation, record, typeClass, report);
        if (!report.isClean()) {
            return null;
        }
        RecordCodecs.Prepared prepared = codecs.prepare(record, report);
        if (prepared == null || !report.isClean()) {
            return null;
        }
        SnapshotStateCheck.check(trees, aggregate, applyMethods, snapshot, recordName, report);
        SnapshotFingerprint fingerprint = new SnapshotFingerprint(trees).shape(record);
        for (ExecutableElement apply : applyMethods) {
            fingerprint.method("@Apply", apply);
        }
        fingerprint.method("snapshot", snapshot).method("restore", restore).fields(aggregate).version(version);
        return new SnapshotModel(ClassName.get(record), prepared, snapshot.getSimpleName().toString(),
                fingerprint.value(), fingerprint.covered());
    }

    private static int snapshotVersion(TypeElement aggregate, AnnotationMirror annotation, ValidationReport.Builder report) {
        AnnotationValue value = AnnotationMirrors.writtenValue(annotation, "snapshotVersion");
        if (value == null || !(value.getValue() instanceof Integer version)) {
            return 1;
        }
        if (version < 1) {
            report.add(aggregate, annotation, value, Message.SNAPSHOT_VERSION, version);
        }
        return version;
    }

    /** {@code R snapshot()}: found among the aggregate's members (inherited ones too); reported when missing or wrong. */
    private ExecutableElement snapshotMethod(TypeElement aggregate, AnnotationMirror annotation, TypeElement record,
                                             String typeClass, ValidationReport.Builder report) {
        ExecutableElement wrong = null;
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(aggregate))) {
            if (!method.getSimpleName().contentEquals("snapshot")) {
                continue;
            }
            boolean reachable = Accessibility.packageOf(method).equals(Accessibility.packageOf(aggregate))
                    || method.getModifiers().contains(Modifier.PUBLIC);
            if (reachable && isCallable(method) && !method.getModifiers().contains(Modifier.STATIC) && method.getParameters().isEmpty()
                    && types.isSameType(method.getReturnType(), record.asType())) {
                return method;
            }
            wrong = wrong == null ? method : wrong;
        }
        if (wrong != null) {
            report.add(wrong, Message.SNAPSHOT_METHOD_SIGNATURE, ElementChecks.describe(wrong), aggregate.getSimpleName(),
                    record.getSimpleName(), typeClass);
        } else {
            report.add(aggregate, annotation, Message.SNAPSHOT_METHOD_MISSING, aggregate.getSimpleName(), record.getSimpleName());
        }
        return null;
    }

    /** {@code Order(OrderSnapshot)}: reported when missing, private or throwing checked exceptions. */
    private ExecutableElement restoreConstructor(TypeElement aggregate, AnnotationMirror annotation, TypeElement record,
                                                 String typeClass, ValidationReport.Builder report) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(aggregate.getEnclosedElements())) {
            if (constructor.getParameters().size() == 1
                    && types.isSameType(constructor.getParameters().get(0).asType(), record.asType())) {
                if (!isCallable(constructor)) {
                    report.add(constructor, Message.SNAPSHOT_RESTORE_SIGNATURE, aggregate.getSimpleName() + "(" + record.getSimpleName() + ")",
                            aggregate.getSimpleName(), typeClass);
                }
                return constructor;
            }
        }
        report.add(aggregate, annotation, Message.SNAPSHOT_RESTORE_MISSING, aggregate.getSimpleName(), record.getSimpleName());
        return null;
    }

    /** Not private and no checked exception: the generated type in the aggregate's package can call it as it is. */
    private boolean isCallable(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (ElementChecks.isChecked(thrown, types, elements)) {
                return false;
            }
        }
        return true;
    }
}
