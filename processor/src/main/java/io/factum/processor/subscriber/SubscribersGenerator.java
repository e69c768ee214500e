package io.factum.processor.subscriber;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.GeneratedCode;
import io.factum.processor.Names;
import io.factum.processor.subscriber.SubscriberModel.EnvelopeArgument;
import io.factum.processor.subscriber.SubscriberModel.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Handler>Subscribers}: one {@code bus.subscribe} per (method, event record) with a
 * lambda that calls the handler method directly.
 */
final class SubscribersGenerator {

    private SubscribersGenerator() {}

    static JavaFile generate(SubscriberModel model) {
        ClassName self = model.subscribersClass();
        ClassName handler = model.handler();
        TypeSpec.Builder type = GeneratedCode.classBuilder(self)
                .addJavadoc("Subscribes the {@code @Subscribe} methods of {@link $T} to an {@link $T}.\n", handler, Names.EVENT_BUS)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(register(model));
        Set<ClassName> widened = new TreeSet<>((a, b) -> a.canonicalName().compareTo(b.canonicalName()));
        for (Subscription subscription : model.subscriptions()) {
            if (subscription.envelope() == EnvelopeArgument.WIDENED) {
                widened.add(subscription.family());
            }
        }
        widened.forEach(family -> type.addMethod(widen(family)));
        return GeneratedCode.file(self, type.build());
    }

    private static MethodSpec register(SubscriberModel model) {
        TypeName registrations = ParameterizedTypeName.get(ClassName.get(List.class), Names.REGISTRATION);
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T registrations = new $T<>($L)", registrations, ArrayList.class, model.subscriptions().size())
                .beginControlFlow("try");
        for (Subscription subscription : model.subscriptions()) {
            body.addStatement("registrations.add(bus.subscribe($S, $T.class, envelope -> handler.$N($L)))",
                    subscription.name(), subscription.event(), subscription.method(), arguments(subscription));
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

    private static CodeBlock arguments(Subscription subscription) {
        return switch (subscription.envelope()) {
            case NONE -> CodeBlock.of("envelope.payload()");
            case AS_IS -> CodeBlock.of("envelope.payload(), envelope");
            case WIDENED -> CodeBlock.of("envelope.payload(), $N(envelope)", widenerName(subscription.family()));
        };
    }

    private static String widenerName(ClassName family) {
        return "as" + String.join("", family.simpleNames());
    }

    /** The envelope of a member record, seen as the envelope of its family (for a method taking {@code EventEnvelope<Family>}). */
    private static MethodSpec widen(ClassName family) {
        return MethodSpec.methodBuilder(widenerName(family))
                .addJavadoc("An envelope of a member of {@link $T} is an envelope of the family: envelopes are immutable,\n"
                        + "so the unchecked cast cannot let anything else in.\n", family)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(Names.EVENT_ENVELOPE, family))
                .addParameter(ParameterizedTypeName.get(Names.EVENT_ENVELOPE, WildcardTypeName.subtypeOf(family)), "envelope")
                .addStatement("return ($T) envelope", ParameterizedTypeName.get(Names.EVENT_ENVELOPE, family))
                .build();
    }
}
