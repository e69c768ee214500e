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
import io.factum.processor.subscriber.SubscriberModel.EnvelopeArgument;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Handler>Subscribers}: one {@code bus.subscribe} per (method, event record), each with a
 * nested {@code SubscriberLink} class of its own that calls the handler method directly and then the next
 * subscriber. A class per subscription, rather than a lambda, is what lets the JIT inline a synchronous
 * publish: each class's call to the next link is profiled on its own (see {@code SubscriberLink}).
 */
final class SubscribersGenerator {

    private static final String WIDEN = "widen";

    private SubscribersGenerator() {}

    /**
     * A stand-in {@code <Handler>Subscribers} for a handler with errors, so that code calling {@code register}
     * compiles and the user sees Factum's error, not "cannot find symbol". {@code register} throws.
     *
     * @param handlerType the handler class if the stand-in can name it, else {@code Object}
     */
    static JavaFile stub(ClassName subscribers, TypeName handlerType) {
        TypeSpec type = GeneratedCode.classBuilder(subscribers)
                .addJavadoc("A stand-in: the handler has compile errors. {@code register} throws.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("register")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(RuntimeTypes.REGISTRATION)
                        .addParameter(RuntimeTypes.EVENT_BUS, "bus")
                        .addParameter(handlerType, "handler")
                        .addStatement("throw new $T($S)", IllegalStateException.class, subscribers.simpleName()
                                + " is a stand-in: its handler has errors that Factum reported when it was compiled")
                        .build())
                .build();
        return GeneratedCode.file(subscribers, type);
    }

    static JavaFile generate(SubscriberModel model) {
        ClassName self = model.subscribersClass();
        ClassName handler = model.handler();
        List<ClassName> links = linkClasses(model);
        TypeSpec.Builder type = GeneratedCode.classBuilder(self)
                .addJavadoc("Subscribes the {@code @Subscribe} methods of {@link $T} to an {@link $T}.\n", handler, RuntimeTypes.EVENT_BUS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(register(model, links));
        if (model.subscriptions().stream().anyMatch(subscription -> subscription.envelope() == EnvelopeArgument.WIDENED)) {
            type.addMethod(widen());
        }
        for (int i = 0; i < links.size(); i++) {
            type.addType(link(model, model.subscriptions().get(i), links.get(i)));
        }
        return GeneratedCode.file(self, type.build());
    }

    private static MethodSpec register(SubscriberModel model, List<ClassName> links) {
        TypeName registrations = ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.REGISTRATION);
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T registrations = new $T<>($L)", registrations, ArrayList.class, model.subscriptions().size())
                .beginControlFlow("try");
        for (int i = 0; i < links.size(); i++) {
            Subscription subscription = model.subscriptions().get(i);
            body.addStatement("registrations.add(bus.subscribe($S, $T.class,$Wnew $T(handler, $T.end())))",
                    subscription.name(), subscription.event(), links.get(i), RuntimeTypes.SUBSCRIBER_LINK);
        }
        body.nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .add("// do not leave the handler half subscribed\n")
                .addStatement("registrations.forEach($T::close)", RuntimeTypes.REGISTRATION)
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("return () -> registrations.forEach($T::close)", RuntimeTypes.REGISTRATION);
        return MethodSpec.methodBuilder("register")
                .addJavadoc("Subscribes every {@code @Subscribe} method of {@code handler}, in declaration order.\n\n"
                        + "@return a registration that unsubscribes them all\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(RuntimeTypes.REGISTRATION)
                .addParameter(RuntimeTypes.EVENT_BUS, "bus")
                .addParameter(model.handler(), "handler")
                .addCode(body.build())
                .build();
    }

    /**
     * {@code OrderPaidToOnOrderPaid}: the event record, then the method, so a stack trace reads as the
     * delivery it shows. A second subscription with the same name (an overload taking the same record, or
     * records of the same simple name) gets {@code _2}, {@code _3}, ... in declaration order.
     */
    private static List<ClassName> linkClasses(SubscriberModel model) {
        ClassName self = model.subscribersClass();
        Set<String> taken = new HashSet<>(Set.of(self.simpleName()));
        List<ClassName> links = new ArrayList<>();
        for (Subscription subscription : model.subscriptions()) {
            String base = String.join("_", subscription.event().simpleNames()) + "To"
                    + Character.toUpperCase(subscription.method().charAt(0)) + subscription.method().substring(1);
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            links.add(self.nestedClass(name));
        }
        return links;
    }

    /**
     * The link of one subscription: {@code handle} calls the method; {@code deliver} calls it and then the next
     * link, from this class's own call site; {@code withNext} relinks a copy.
     */
    private static TypeSpec link(SubscriberModel model, Subscription subscription, ClassName link) {
        TypeName event = subscription.event();
        TypeName envelope = ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, event);
        TypeName linkOfEvent = ParameterizedTypeName.get(RuntimeTypes.SUBSCRIBER_LINK, event);
        MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(envelope, "envelope")
                .addStatement("handler.$N($L)", subscription.method(), arguments(subscription, model.subscribersClass()));
        if (subscription.throwsChecked()) {
            handle.addException(Exception.class);
        }
        return TypeSpec.classBuilder(link)
                .addJavadoc("Delivers {@code $L} to {@code $L.$L}, then to the next subscriber.\n",
                        String.join(".", subscription.event().simpleNames()),
                        String.join(".", model.handler().simpleNames()), subscription.method())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(linkOfEvent)
                .addField(model.handler(), "handler", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(model.handler(), "handler")
                        .addParameter(linkOfEvent, "next")
                        .addStatement("super($S, next)", subscription.name())
                        .addStatement("this.handler = handler")
                        .build())
                .addMethod(handle.build())
                .addMethod(MethodSpec.methodBuilder("deliver")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(envelope, "envelope")
                        .addStatement("handleUnchecked(envelope)")
                        .addStatement("next().deliver(envelope)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("withNext")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .returns(linkOfEvent)
                        .addParameter(linkOfEvent, "next")
                        .addStatement("return new $T(handler, next)", link)
                        .build())
                .build();
    }

    private static CodeBlock arguments(Subscription subscription, ClassName subscribers) {
        // A family method gets the payload as its family, so that an overload taking the record is not chosen instead.
        CodeBlock payload = subscription.family().equals(subscription.event())
                ? CodeBlock.of("envelope.payload()")
                : CodeBlock.of("($T) envelope.payload()", subscription.family());
        return switch (subscription.envelope()) {
            case NONE -> payload;
            case AS_IS -> CodeBlock.of("$L, envelope", payload);
            case WIDENED -> CodeBlock.of("$L, $T.<$T>$N(envelope)", payload,
                    subscribers, subscription.family(), WIDEN);
        };
    }

    /**
     * {@code widen(envelope)}: the envelope of a member record, seen as the envelope of its family, for a method
     * taking {@code EventEnvelope<Family>}. One generic helper serves every family.
     */
    private static MethodSpec widen() {
        TypeVariableName family = TypeVariableName.get("F");
        TypeName familyEnvelope = ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, family);
        return MethodSpec.methodBuilder(WIDEN)
                .addJavadoc("An envelope of a member of family {@code F} is an envelope of the family: envelopes are\n"
                        + "immutable, so the unchecked cast cannot let anything else in.\n")
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(family)
                .returns(familyEnvelope)
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(family)), "envelope")
                .addStatement("return ($T) envelope", familyEnvelope)
                .build();
    }
}
