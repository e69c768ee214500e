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
import io.factum.processor.GeneratedCode;
import io.factum.processor.Names;
import io.factum.processor.subscriber.SubscriberModel.EnvelopeArgument;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Handler>Subscribers}: one {@code bus.subscribe} per (method, event record) with a
 * lambda that calls the handler method directly.
 */
final class SubscribersGenerator {

    private static final String WIDEN = "widen";

    private SubscribersGenerator() {}

    static JavaFile generate(SubscriberModel model) {
        ClassName self = model.subscribersClass();
        ClassName handler = model.handler();
        TypeSpec.Builder type = GeneratedCode.classBuilder(self)
                .addJavadoc("Subscribes the {@code @Subscribe} methods of {@link $T} to an {@link $T}.\n", handler, Names.EVENT_BUS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(register(model));
        if (model.subscriptions().stream().anyMatch(subscription -> subscription.envelope() == EnvelopeArgument.WIDENED)) {
            type.addMethod(widen());
        }
        return GeneratedCode.file(self, type.build());
    }

    private static MethodSpec register(SubscriberModel model) {
        TypeName registrations = ParameterizedTypeName.get(ClassName.get(List.class), Names.REGISTRATION);
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T registrations = new $T<>($L)", registrations, ArrayList.class, model.subscriptions().size())
                .beginControlFlow("try");
        for (Subscription subscription : model.subscriptions()) {
            body.addStatement("registrations.add(bus.subscribe($S, $T.class,$Wenvelope -> handler.$N($L)))",
                    subscription.name(), subscription.event(), subscription.method(), arguments(subscription, model.subscribersClass()));
        }
        body.nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class)
                .add("// do not leave the handler half subscribed\n")
                .addStatement("registrations.forEach($T::close)", Names.REGISTRATION)
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("return () -> registrations.forEach($T::close)", Names.REGISTRATION);
        return MethodSpec.methodBuilder("register")
                .addJavadoc("Subscribes every {@code @Subscribe} method of {@code handler}, in declaration order.\n\n"
                        + "@return a registration that unsubscribes them all\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Names.REGISTRATION)
                .addParameter(Names.EVENT_BUS, "bus")
                .addParameter(model.handler(), "handler")
                .addCode(body.build())
                .build();
    }

    private static CodeBlock arguments(Subscription subscription, ClassName subscribers) {
        return switch (subscription.envelope()) {
            case NONE -> CodeBlock.of("envelope.payload()");
            case AS_IS -> CodeBlock.of("envelope.payload(), envelope");
            case WIDENED -> CodeBlock.of("envelope.payload(), $T.<$T>$N(envelope)",
                    subscribers, subscription.family(), WIDEN);
        };
    }

    /**
     * {@code widen(envelope)}: the envelope of a member record, seen as the envelope of its family, for a method
     * taking {@code EventEnvelope<Family>}. One generic helper serves every family.
     */
    private static MethodSpec widen() {
        TypeVariableName family = TypeVariableName.get("F");
        TypeName familyEnvelope = ParameterizedTypeName.get(Names.EVENT_ENVELOPE, family);
        return MethodSpec.methodBuilder(WIDEN)
                .addJavadoc("An envelope of a member of family {@code F} is an envelope of the family: envelopes are\n"
                        + "immutable, so the unchecked cast cannot let anything else in.\n")
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addTypeVariable(family)
                .returns(familyEnvelope)
                .addParameter(ParameterizedTypeName.get(Names.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(family)), "envelope")
                .addStatement("return ($T) envelope", familyEnvelope)
                .build();
    }
}
