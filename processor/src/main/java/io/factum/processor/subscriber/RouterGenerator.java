package io.factum.processor.subscriber;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.RuntimeTypes;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Interface>Router}: the handler instances in final fields, and a {@code publish} that picks the
 * payload's record by an {@code instanceof} chain and calls the {@code @Subscribe} methods for it one after
 * another, directly. Every call site sees one receiver class, so the JIT inlines the whole publish.
 */
final class RouterGenerator {

    private static final String CAST = "cast";
    private static final String ON_UNHANDLED = "onUnhandled";

    private RouterGenerator() {}

    /** A call of one subscription: the handler's field and what its method receives. */
    private record Call(RouterModel.Handler handler, Subscription subscription) {}

    static JavaFile generate(RouterModel model) {
        ClassName self = model.router();
        Map<ClassName, List<Call>> callsByEvent = callsByEvent(model);
        Map<ClassName, String> methods = publishMethodNames(callsByEvent.keySet());
        TypeName envelopeOfAny = ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(Object.class));
        TypeName onUnhandled = ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(envelopeOfAny));
        TypeSpec.Builder type = GeneratedCode.classBuilder(self)
                .addJavadoc("Publishes events to the {@code @Subscribe} methods of $L, called directly, in this order\n"
                        + "(within one handler in declaration order); generated for {@link $T}.\n\n"
                        + "<p>The first exception stops the publish: unchecked ones propagate unchanged, checked ones\n"
                        + "are wrapped in a {@link $T} naming the subscriber. Thread-safe if the handlers are.\n",
                        handlerList(model), model.routerInterface(), RuntimeTypes.SUBSCRIBER_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(model.routerInterface());
        if (!model.extendsPublisher()) {
            type.addSuperinterface(RuntimeTypes.EVENT_PUBLISHER);
        }
        for (RouterModel.Handler handler : model.handlers()) {
            type.addField(handler.subscribers().handler(), handler.field(), Modifier.PRIVATE, Modifier.FINAL);
        }
        type.addField(onUnhandled, ON_UNHANDLED, Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(constructor(model, null)).addMethod(constructor(model, onUnhandled));
        type.addMethod(publish(callsByEvent, methods, self));
        for (Map.Entry<ClassName, List<Call>> event : callsByEvent.entrySet()) {
            type.addMethod(publishEvent(event.getKey(), event.getValue(), methods.get(event.getKey()), self));
        }
        type.addMethod(cast());
        return GeneratedCode.file(self, type.build());
    }

    /** Event records in order of first appearance; for each, its calls in handler order, then declaration order. */
    private static Map<ClassName, List<Call>> callsByEvent(RouterModel model) {
        Map<ClassName, List<Call>> calls = new LinkedHashMap<>();
        for (RouterModel.Handler handler : model.handlers()) {
            for (Subscription subscription : handler.subscribers().subscriptions()) {
                calls.computeIfAbsent(subscription.event(), event -> new ArrayList<>()).add(new Call(handler, subscription));
            }
        }
        return calls;
    }

    /** {@code publishOrderCreated}; records of the same simple name in other packages get {@code _2}, {@code _3}, ... */
    private static Map<ClassName, String> publishMethodNames(Set<ClassName> events) {
        Set<String> taken = new HashSet<>(Set.of("publish", CAST));
        Map<ClassName, String> names = new LinkedHashMap<>();
        for (ClassName event : events) {
            String base = "publish" + String.join("_", event.simpleNames());
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            names.put(event, name);
        }
        return names;
    }

    private static String handlerList(RouterModel model) {
        List<String> links = new ArrayList<>();
        for (RouterModel.Handler handler : model.handlers()) {
            links.add("{@link " + handler.subscribers().handler().canonicalName() + "}");
        }
        return String.join(", ", links);
    }

    /** With {@code onUnhandled} null, the constructor that ignores unhandled events and delegates to the other. */
    private static MethodSpec constructor(RouterModel model, TypeName onUnhandled) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        List<CodeBlock> arguments = new ArrayList<>();
        for (RouterModel.Handler handler : model.handlers()) {
            constructor.addParameter(handler.subscribers().handler(), handler.field());
            arguments.add(CodeBlock.of("$N", handler.field()));
        }
        if (onUnhandled == null) {
            arguments.add(CodeBlock.of("envelope -> {}"));
            return constructor
                    .addJavadoc("A router that ignores events none of its handlers subscribes to.\n\n"
                            + "@throws NullPointerException if a handler is null\n")
                    .addStatement("this($L)", CodeBlock.join(arguments, ", "))
                    .build();
        }
        constructor.addJavadoc("A router that passes every event none of its handlers subscribes to to {@code onUnhandled},\n"
                        + "in the publishing thread; an exception it throws reaches the publisher.\n\n"
                        + "@throws NullPointerException if a handler or {@code onUnhandled} is null\n")
                .addParameter(onUnhandled, ON_UNHANDLED);
        for (RouterModel.Handler handler : model.handlers()) {
            constructor.addStatement("this.$N = $T.requireNonNull($N, $S)", handler.field(), Objects.class, handler.field(),
                    handler.field() + " (a " + handler.subscribers().handler().canonicalName() + ") must not be null");
        }
        return constructor
                .addStatement("this.$N = $T.requireNonNull($N, $S)", ON_UNHANDLED, Objects.class, ON_UNHANDLED,
                        ON_UNHANDLED + " must not be null")
                .build();
    }

    private static MethodSpec publish(Map<ClassName, List<Call>> callsByEvent, Map<ClassName, String> methods, ClassName self) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("Object payload = $T.requireNonNull(envelope, $S).payload()", Objects.class, "envelope");
        boolean first = true;
        for (ClassName event : callsByEvent.keySet()) {
            if (first) {
                body.beginControlFlow("if (payload instanceof $T)", event);
                first = false;
            } else {
                body.nextControlFlow("else if (payload instanceof $T)", event);
            }
            body.addStatement("$N($T.<$T>$N(envelope))", methods.get(event), self, event, CAST);
        }
        body.nextControlFlow("else")
                .addStatement("$N.accept(envelope)", ON_UNHANDLED)
                .endControlFlow();
        return MethodSpec.methodBuilder("publish")
                .addJavadoc("Calls every {@code @Subscribe} method of the payload's record, in order, in this thread.\n\n"
                        + "@throws $T when a subscriber throws a checked exception; an unchecked one\n"
                        + "propagates as it is. Either way later subscribers do not run.\n", RuntimeTypes.SUBSCRIBER_EXCEPTION)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(Object.class)), "envelope")
                .addCode(body.build())
                .build();
    }

    private static MethodSpec publishEvent(ClassName event, List<Call> calls, String name, ClassName self) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, event), "envelope")
                .addStatement("$T event = envelope.payload()", event);
        for (Call call : calls) {
            Subscription subscription = call.subscription();
            // A family method gets the event as its family, so that an overload taking the record is not chosen instead.
            CodeBlock argument = subscription.family().equals(event)
                    ? CodeBlock.of("event")
                    : CodeBlock.of("($T) event", subscription.family());
            CodeBlock invocation = CodeBlock.of("$N.$N($L)", call.handler().field(), subscription.method(), switch (subscription.envelope()) {
                case NONE -> argument;
                case AS_IS -> CodeBlock.of("$L, envelope", argument);
                case WIDENED -> CodeBlock.of("$L, $T.<$T>$N(envelope)", argument, self, subscription.family(), CAST);
            });
            if (subscription.throwsChecked()) {
                method.beginControlFlow("try")
                        .addStatement(invocation)
                        .nextControlFlow("catch ($T e)", RuntimeException.class)
                        .addStatement("throw e")
                        .nextControlFlow("catch ($T e)", Exception.class)
                        .addStatement("throw new $T($S, envelope, e)", RuntimeTypes.SUBSCRIBER_EXCEPTION, subscription.name())
                        .endControlFlow();
            } else {
                method.addStatement(invocation);
            }
        }
        return method.build();
    }

    /**
     * {@code cast(envelope)}: the envelope of a record, seen as the envelope of that record or of its family, after
     * {@code publish} checked the payload. Envelopes are immutable, so the unchecked cast cannot let anything else in.
     */
    private static MethodSpec cast() {
        TypeVariableName event = TypeVariableName.get("E");
        TypeName envelope = ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, event);
        return MethodSpec.methodBuilder(CAST)
                .addJavadoc("The envelope, typed by its payload: the caller checked the payload's class.\n")
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(event)
                .returns(envelope)
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(Object.class)), "envelope")
                .addStatement("return ($T) envelope", envelope)
                .build();
    }
}
