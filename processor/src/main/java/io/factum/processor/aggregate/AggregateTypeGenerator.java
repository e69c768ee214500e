package io.factum.processor.aggregate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.factum.processor.aggregate.AggregateModel.AppliedEvent;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.event.EventFamily;
import io.factum.processor.event.EventModel;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>AggregateType}: creation, an {@code instanceof} dispatcher and a replay
 * {@code switch} on the stored type name, all direct calls to the aggregate's own methods.
 */
final class AggregateTypeGenerator {

    private AggregateTypeGenerator() {}

    static JavaFile generate(AggregateModel model) {
        Map<ClassName, String> versionConstants = versionConstants(model);
        ClassName self = model.typeClass();
        ClassName aggregate = model.aggregateClass();
        ClassName family = model.family();
        TypeSpec.Builder type = GeneratedCode.classBuilder(self)
                .addJavadoc("Creates, changes and replays {@link $T} by direct calls to its {@code @Apply} methods.\n", aggregate)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_TYPE, aggregate, family))
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The only instance; it holds no state.\n")
                        .initializer("new $T()", self)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(GeneratedCode.overridingGetter("name", ClassName.get(String.class), CodeBlock.of("$S", model.name())))
                .addMethod(GeneratedCode.overridingClassGetter("aggregateClass", aggregate))
                .addMethod(GeneratedCode.overridingClassGetter("eventFamily", family))
                .addMethod(GeneratedCode.overridingGetter("newInstance", aggregate, CodeBlock.of("new $T()", aggregate)))
                .addMethod(apply(model))
                .addMethod(replay(model, versionConstants));
        for (AppliedEvent applied : model.applied()) {
            EventModel event = applied.event();
            type.addField(FieldSpec.builder(int.class, versionConstants.get(event.recordClass()),
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The schema version of {@link $T} that replay decodes directly; older ones are upcast.\n",
                            event.recordClass())
                    .initializer("$L", event.version())
                    .build());
        }
        if (model.familyKind() != EventFamily.Kind.SINGLE_RECORD) {
            type.addMethod(notAnEvent(model));
        }
        if (model.snapshot() != null) {
            addSnapshots(type, model);
        }
        return GeneratedCode.file(self, type.build());
    }

    private static MethodSpec apply(AggregateModel model) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("apply")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(model.aggregateClass(), "aggregate")
                .addParameter(model.family(), "event");
        if (model.familyKind() == EventFamily.Kind.SINGLE_RECORD) {
            // The family is one record: no test needed (and Java 17 rejects a pattern that always matches).
            if (model.applied().isEmpty()) {
                method.addComment("$T is listed in @Aggregate(ignores)", model.family());
            } else {
                method.addStatement("aggregate.$N(event)", model.applied().get(0).method());
            }
            return method.build();
        }
        CodeBlock.Builder chain = CodeBlock.builder();
        boolean first = true;
        for (AppliedEvent applied : model.applied()) {
            ClassName record = applied.event().recordClass();
            if (first) {
                chain.beginControlFlow("if (event instanceof $T e)", record);
            } else {
                chain.nextControlFlow("else if (event instanceof $T e)", record);
            }
            chain.addStatement("aggregate.$N(e)", applied.method());
            first = false;
        }
        for (EventModel ignored : model.ignored()) {
            if (first) {
                chain.beginControlFlow("if (event instanceof $T)", ignored.recordClass());
            } else {
                chain.nextControlFlow("else if (event instanceof $T)", ignored.recordClass());
            }
            chain.add("// ignored: listed in @Aggregate(ignores)\n");
            first = false;
        }
        if (first) {
            chain.addStatement("throw notAnEvent(event)");
        } else {
            chain.nextControlFlow("else").addStatement("throw notAnEvent(event)").endControlFlow();
        }
        return method.addCode(chain.build()).build();
    }

    /** {@code OrderCreated} → {@code ORDER_CREATED_VERSION}; distinct even for records of the same simple name. */
    private static Map<ClassName, String> versionConstants(AggregateModel model) {
        NameAllocator names = new NameAllocator();
        names.newName("INSTANCE");
        Map<ClassName, String> constants = new LinkedHashMap<>();
        for (AppliedEvent applied : model.applied()) {
            ClassName record = applied.event().recordClass();
            constants.put(record, names.newName(GeneratedNames.constantName(String.join("", record.simpleNames())) + "_VERSION"));
        }
        return constants;
    }

    private static MethodSpec replay(AggregateModel model, Map<ClassName, String> versionConstants) {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (stored.type())");
        for (AppliedEvent applied : model.applied()) {
            EventModel event = applied.event();
            // Json.decode reads the current version directly and has the registry upcast an older one.
            body.addStatement("case $S -> aggregate.$N($T.decode($T.INSTANCE, $N, $T.class, stored, registry))",
                    event.storedName(), applied.method(), RuntimeTypes.JSON, event.codecClass(),
                    versionConstants.get(event.recordClass()), event.recordClass());
        }
        for (EventModel ignored : model.ignored()) {
            body.beginControlFlow("case $S ->", ignored.storedName())
                    .add("// $T is listed in @Aggregate(ignores): not even decoded\n", ignored.recordClass())
                    .endControlFlow();
        }
        body.addStatement("default -> throw new $T(stored, stored.type() + $S)",
                        RuntimeTypes.UNKNOWN_EVENT_TYPE, " is not an event of aggregate " + model.name())
                .endControlFlow();
        return MethodSpec.methodBuilder("replay")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(model.aggregateClass(), "aggregate")
                .addParameter(RuntimeTypes.STORED_EVENT, "stored")
                .addParameter(RuntimeTypes.EVENT_TYPE_REGISTRY, "registry")
                .addCode(body.build())
                .build();
    }

    /** The fingerprint constant and the three snapshot methods: direct calls, through the generated codec. */
    private static void addSnapshots(TypeSpec.Builder type, AggregateModel model) {
        SnapshotModel snapshot = model.snapshot();
        ClassName aggregate = model.aggregateClass();
        CodeBlock.Builder covered = CodeBlock.builder()
                .add("The fingerprint of {@link $T} snapshots of {@link $T}, computed when compiling from:\n<ul>\n",
                        snapshot.record(), aggregate);
        for (String line : snapshot.covered()) {
            covered.add("<li>$L</li>\n", line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("@", "{@literal @}"));
        }
        type.addField(FieldSpec.builder(String.class, "SNAPSHOT_FINGERPRINT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(covered.add("</ul>\n").build())
                .initializer("$S", snapshot.fingerprint())
                .build());
        type.addMethod(GeneratedCode.overridingGetter("snapshotFingerprint", ClassName.get(String.class),
                CodeBlock.of("SNAPSHOT_FINGERPRINT")));
        ClassName record = snapshot.record();
        type.addMethod(snapshotMethod("snapshotOf", ClassName.get(Object.class), aggregate, "aggregate")
                .addStatement("return aggregate.$N()", snapshot.method()).build());
        type.addMethod(snapshotMethod("restoreFrom", aggregate, ClassName.get(Object.class), "snapshot")
                .addStatement("return new $T(($T) snapshot)", aggregate, record).build());
        type.addMethod(snapshotMethod("encodeSnapshot", ArrayTypeName.of(byte.class), ClassName.get(Object.class), "snapshot")
                .addStatement("return $T.encode($T.INSTANCE, ($T) snapshot)", RuntimeTypes.JSON, snapshot.codecClass(), record)
                .build());
        type.addMethod(snapshotMethod("decodeSnapshot", ClassName.get(Object.class), ArrayTypeName.of(byte.class), "payload")
                .addStatement("return $T.decode($T.INSTANCE, payload, $S)", RuntimeTypes.JSON, snapshot.codecClass(),
                        record.simpleName())
                .build());
    }

    private static MethodSpec.Builder snapshotMethod(String name, TypeName returns, TypeName parameter, String parameterName) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(parameter, parameterName);
    }

    private static MethodSpec notAnEvent(AggregateModel model) {
        return MethodSpec.methodBuilder("notAnEvent")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(RuntimeTypes.UNKNOWN_EVENT_TYPE)
                .addParameter(Object.class, "event")
                .addStatement("$T type = event == null ? $S : event.getClass().getName()", String.class, "null")
                .addStatement("return new $T(type + $S)", RuntimeTypes.UNKNOWN_EVENT_TYPE,
                        " is not an event of aggregate " + model.name()
                                + "; add an @Apply method for it or list it in @Aggregate(ignores)")
                .build();
    }
}
