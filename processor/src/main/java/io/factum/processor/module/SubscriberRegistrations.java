package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.factum.processor.base.GeneratedCode;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The subscriber registrations a generated {@code FactumModule} lists: each generated
 * {@code <Handler>Subscribers} holds a public {@code REGISTRATION} constant ({@link #registrationField}),
 * and the module lists those constants ({@link #listInitializer}). The constant lives beside the handler,
 * in its package, so the module can list handlers that are not public.
 */
public final class SubscriberRegistrations {

    /** {@code io.factum.spi.SubscriberRegistration}. */
    public static final ClassName SUBSCRIBER_REGISTRATION = ClassName.get("io.factum.spi", "SubscriberRegistration");
    /** {@code List<SubscriberRegistration<?>>}. */
    public static final TypeName LIST = ParameterizedTypeName.get(ClassName.get(List.class),
            ParameterizedTypeName.get(SUBSCRIBER_REGISTRATION, WildcardTypeName.subtypeOf(Object.class)));
    /** The name of the constant in {@code <Handler>Subscribers}. */
    public static final String FIELD = "REGISTRATION";

    private SubscriberRegistrations() {}

    /**
     * {@code public static final SubscriberRegistration<Handler> REGISTRATION = new SubscriberRegistration<>(Handler.class,
     * HandlerSubscribers::register);}
     */
    public static FieldSpec registrationField(ClassName handler, ClassName subscribersClass) {
        return FieldSpec.builder(ParameterizedTypeName.get(SUBSCRIBER_REGISTRATION, handler), FIELD,
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("{@link #register} as a value: what the {@code FactumModule} lists for integrations.\n")
                .initializer("new $T<>($T.class, $T::register)", SUBSCRIBER_REGISTRATION, handler, subscribersClass)
                .build();
    }

    /** {@code List.of(NotificationsSubscribers.REGISTRATION, ...)}, in the given order. */
    public static CodeBlock listInitializer(List<ClassName> subscribersClasses) {
        return GeneratedCode.listOf(subscribersClasses.stream()
                .map(subscribers -> CodeBlock.of("$T.$N", subscribers, FIELD))
                .toList());
    }
}
