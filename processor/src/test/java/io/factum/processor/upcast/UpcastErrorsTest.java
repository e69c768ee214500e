package io.factum.processor.upcast;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.UPCASTS;
import static io.factum.processor.upcast.UpcastSources.V1;
import static io.factum.processor.upcast.UpcastSources.V2;
import static io.factum.processor.upcast.UpcastSources.V3;
import static io.factum.processor.upcast.UpcastSources.compile;
import static io.factum.processor.upcast.UpcastSources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every compile error about versions and upcasters: message, file and line. */
class UpcastErrorsTest {

    private static final JavaFileObject V2_TO_V3 = source("AddChannel", """
            final class AddChannel {
                @Upcast
                static OrderCreated upcast(OrderCreatedV2 old) {
                    return new OrderCreated(old.orderId(), old.customerName(), old.email(), "web");
                }
            }
            """);

    @Test
    void aGapBetweenVersionsIsReportedOnTheVersionBeforeIt() {
        Compilation compilation = compile(V1, V3);

        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastGap] Event OrderCreated has versions [1, 3] but no v2; "
                        + "declare `@Event(name = \"OrderCreated\", version = 2) record ...`")
                .inFile(V1).onLineContaining("public record OrderCreatedV1");
    }

    @Test
    void anOldVersionWithoutUpcasterIsReported() {
        Compilation compilation = compile(V1, V2, V3, V2_TO_V3);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastMissing] OrderCreatedV1 is OrderCreated v1, an old version (the current one is v3), "
                        + "but no @Upcast method turns it into v2; add `@Upcast static OrderCreatedV2 upcast(OrderCreatedV1 old)`")
                .inFile(V1).onLineContaining("public record OrderCreatedV1");
    }

    @Test
    void twoUpcastersForOneStepAreReportedOnTheSecond() {
        JavaFileObject again = source("AddChannelAgain", """
                final class AddChannelAgain {
                    @Upcast
                    static OrderCreated again(OrderCreatedV2 old) {
                        return new OrderCreated(old.orderId(), old.customerName(), old.email(), "phone");
                    }
                }
                """);

        Compilation compilation = compile(V1, V2, V3, UPCASTS, again);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastDuplicate] Two @Upcast methods turn OrderCreated v2 into v3: "
                        + "OrderUpcasts.addChannel(OrderCreatedV2) and this one; keep exactly one")
                .inFile(again).onLineContaining("static OrderCreated again(");
    }

    @Test
    void anUpcasterSkippingAVersionIsReported() {
        JavaFileObject skipping = source("Skip", """
                final class Skip {
                    @Upcast
                    static OrderCreated skip(OrderCreatedV1 old) {
                        return new OrderCreated(old.orderId(), old.customer(), null, "web");
                    }
                }
                """);

        Compilation compilation = compile(V1, V2, V3, V2_TO_V3, skipping);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNotConsecutive] @Upcast method Skip.skip(OrderCreatedV1) turns OrderCreated v1 into v3; "
                        + "an upcaster goes exactly one version up, so chains never skip a version nor loop. Return the v2 record")
                .inFile(skipping).onLineContaining("static OrderCreated skip(");
    }

    @Test
    void anUpcasterGoingBackIsReportedSoNoCycleCanBeWritten() {
        JavaFileObject back = source("Back", """
                final class Back {
                    @Upcast
                    static OrderCreatedV1 back(OrderCreatedV2 newer) {
                        return new OrderCreatedV1(newer.orderId(), newer.customerName());
                    }
                }
                """);

        Compilation compilation = compile(V1, V2, V3, UPCASTS, back);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNotConsecutive] @Upcast method Back.back(OrderCreatedV2) turns OrderCreated v2 into v1;")
                .inFile(back).onLineContaining("static OrderCreatedV1 back(");
    }

    @Test
    void anUpcasterBetweenTwoStoredNamesIsReported() {
        JavaFileObject other = source("CustomerRegistered", """
                @Event(name = "CustomerRegistered", version = 2)
                record CustomerRegistered(String customer) {
                    @Upcast
                    static CustomerRegistered from(OrderCreatedV1 old) {
                        return new CustomerRegistered(old.customer());
                    }
                }
                """);

        Compilation compilation = compile(V1, other);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNameMismatch] @Upcast method CustomerRegistered.from(OrderCreatedV1) turns "
                        + "OrderCreatedV1 (stored as OrderCreated v1) into CustomerRegistered (stored as CustomerRegistered v2); "
                        + "both versions must share one stored name: give CustomerRegistered `@Event(name = \"OrderCreated\", version = 2)`")
                .inFile(other).onLineContaining("static CustomerRegistered from(");
    }

    @Test
    void aParameterThatIsNotAnEventRecordIsReportedOnTheParameter() {
        JavaFileObject fromString = source("FromString", """
                final class FromString {
                    @Upcast
                    static OrderCreatedV1 parse(
                            String json) {
                        return new OrderCreatedV1(json, json);
                    }
                }
                """);

        Compilation compilation = compile(V1, fromString);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNotEvent] The parameter of @Upcast method FromString.parse(String) is java.lang.String, "
                        + "which is not an @Event record")
                .inFile(fromString).onLineContaining("String json)");
    }

    @Test
    void aReturnTypeThatIsNotAnEventRecordIsReportedOnTheMethod() {
        JavaFileObject toPlain = source("ToPlain", """
                final class ToPlain {
                    record Plain(String orderId) {}

                    @Upcast
                    static Plain plain(OrderCreatedV1 old) {
                        return new Plain(old.orderId());
                    }
                }
                """);

        Compilation compilation = compile(V1, toPlain);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNotEvent] The return type of @Upcast method ToPlain.plain(OrderCreatedV1) is "
                        + "com.example.ToPlain.Plain, which is not an @Event record")
                .inFile(toPlain).onLineContaining("static Plain plain(");
    }

    @Test
    void aNonStaticUpcasterIsReported() {
        JavaFileObject instance = shape("NotStatic", "OrderCreatedV2 upcast(OrderCreatedV1 old)");

        assertThat(compile(V1, V2, instance))
                .hadErrorContaining("[Factum/UpcastNotStatic] @Upcast method NotStatic.upcast(OrderCreatedV1) must be static: "
                        + "the generated upcaster calls it without an instance; add `static`")
                .inFile(instance).onLineContaining("upcast(OrderCreatedV1 old)");
    }

    @Test
    void aPrivateUpcasterIsReported() {
        JavaFileObject hidden = shape("Hidden", "private static OrderCreatedV2 upcast(OrderCreatedV1 old)");

        assertThat(compile(V1, V2, hidden))
                .hadErrorContaining("[Factum/UpcastPrivate] @Upcast method Hidden.upcast(OrderCreatedV1) must not be private: "
                        + "the generated upcaster calls it from package com.example; make it package-private or public")
                .inFile(hidden).onLineContaining("upcast(OrderCreatedV1 old)");
    }

    @Test
    void anUpcasterInAPrivateClassIsReported() {
        JavaFileObject nested = source("Outer", """
                final class Outer {
                    private static final class Steps {
                        @Upcast
                        static OrderCreatedV2 upcast(OrderCreatedV1 old) {
                            return new OrderCreatedV2(old.orderId(), old.customer(), null);
                        }
                    }
                }
                """);

        assertThat(compile(V1, V2, nested))
                .hadErrorContaining("[Factum/UpcastInPrivateClass] @Upcast method Steps.upcast(OrderCreatedV1) is declared in private class "
                        + "Steps, which the generated upcaster cannot reach; make the class package-private")
                .inFile(nested).onLineContaining("upcast(OrderCreatedV1 old)");
    }

    @Test
    void anUpcasterWithTwoParametersIsReported() {
        JavaFileObject two = shape("Two", "static OrderCreatedV2 upcast(OrderCreatedV1 old, String email)");

        assertThat(compile(V1, V2, two))
                .hadErrorContaining("[Factum/UpcastArity] @Upcast methods take exactly one parameter, the event of version N; "
                        + "Two.upcast(OrderCreatedV1, String) takes 2. Write one method per step")
                .inFile(two).onLineContaining("upcast(OrderCreatedV1 old, String email)");
    }

    @Test
    void anUpcasterWithoutParametersIsReported() {
        JavaFileObject none = source("None", """
                final class None {
                    @Upcast
                    static OrderCreatedV2 upcast() {
                        return null;
                    }
                }
                """);

        assertThat(compile(V1, V2, none))
                .hadErrorContaining("[Factum/UpcastArity] @Upcast methods take exactly one parameter, the event of version N; "
                        + "None.upcast() takes 0.")
                .inFile(none).onLineContaining("upcast()");
    }

    @Test
    void aVoidUpcasterIsReported() {
        JavaFileObject nothing = source("Nothing", """
                final class Nothing {
                    @Upcast
                    static void upcast(OrderCreatedV1 old) {}
                }
                """);

        assertThat(compile(V1, V2, nothing))
                .hadErrorContaining("[Factum/UpcastVoid] @Upcast method Nothing.upcast(OrderCreatedV1) returns nothing; "
                        + "return the next version of the event")
                .inFile(nothing).onLineContaining("static void upcast(");
    }

    @Test
    void aGenericUpcasterIsReported() {
        JavaFileObject generic = shape("Generic", "static <T> OrderCreatedV2 upcast(OrderCreatedV1 old)");

        assertThat(compile(V1, V2, generic))
                .hadErrorContaining("[Factum/UpcastGeneric] @Upcast method Generic.upcast(OrderCreatedV1) must not declare type parameters")
                .inFile(generic).onLineContaining("upcast(OrderCreatedV1 old)");
    }

    @Test
    void anUpcasterDeclaringACheckedExceptionIsReported() {
        JavaFileObject throwing = shape("Throwing", "static OrderCreatedV2 upcast(OrderCreatedV1 old) throws java.io.IOException");

        assertThat(compile(V1, V2, throwing))
                .hadErrorContaining("[Factum/UpcastCheckedException] @Upcast method Throwing.upcast(OrderCreatedV1) declares checked "
                        + "exception java.io.IOException; upcasting runs while events are read")
                .inFile(throwing).onLineContaining("upcast(OrderCreatedV1 old)");
    }

    @Test
    void anUncheckedExceptionInTheSignatureIsFine() {
        JavaFileObject unchecked = shape("Unchecked", "static OrderCreatedV2 upcast(OrderCreatedV1 old) throws IllegalArgumentException");

        assertThat(compile(V1, V2, unchecked)).succeeded();
    }

    @Test
    void anApplyMethodForAnOldVersionIsReported() {
        JavaFileObject order = source("Order", """
                @Aggregate
                public class Order extends AggregateRoot<OrderCreated> {
                    private String id;

                    @Override
                    public String id() {
                        return id;
                    }

                    @Apply
                    void on(OrderCreated event) {
                        id = event.orderId();
                    }

                    @Apply
                    void onOld(OrderCreatedV1 event) {
                        id = event.orderId();
                    }
                }
                """);

        Compilation compilation = compile(V1, V2, V3, UPCASTS, order);

        assertThat(compilation)
                .hadErrorContaining("[Factum/OldVersionHandled] OrderCreatedV1 is OrderCreated v1, an old version (the current one is v3, "
                        + "OrderCreated); @Apply methods only ever receive current versions because old ones are upcast on read. "
                        + "Handle OrderCreated instead and remove this method")
                .inFile(order).onLineContaining("void onOld(OrderCreatedV1 event)");
    }

    @Test
    void aSubscriberOfAnOldVersionIsReported() {
        JavaFileObject mailer = source("Mailer", """
                public class Mailer {
                    @Subscribe
                    public void on(OrderCreatedV2 event) {}
                }
                """);

        Compilation compilation = compile(V1, V2, V3, UPCASTS, mailer);

        assertThat(compilation)
                .hadErrorContaining("[Factum/OldVersionHandled] OrderCreatedV2 is OrderCreated v2, an old version (the current one is v3, "
                        + "OrderCreated); @Subscribe methods only ever receive current versions")
                .inFile(mailer).onLineContaining("public void on(OrderCreatedV2 event)");
    }

    @Test
    void anOldVersionInASealedEventFamilyIsReported() {
        JavaFileObject family = source("OrderEvent", """
                public sealed interface OrderEvent permits OrderPlacedV1, OrderPlaced {}

                @Event(name = "OrderPlaced", version = 1)
                record OrderPlacedV1(String orderId) implements OrderEvent {}

                @Event(name = "OrderPlaced", version = 2)
                record OrderPlaced(String orderId, String channel) implements OrderEvent {
                    @Upcast
                    static OrderPlaced upcast(OrderPlacedV1 old) {
                        return new OrderPlaced(old.orderId(), "web");
                    }
                }
                """);

        Compilation compilation = compile(family);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[Factum/OldVersionInFamily] OrderPlacedV1 is OrderPlaced v1, an old version (the current one is v2, "
                        + "OrderPlaced), but it implements sealed interface OrderEvent; old versions are never recorded, applied or "
                        + "published, so keep them out of event families: remove `implements OrderEvent` (and OrderPlacedV1 from its permits clause)")
                .inFile(family).onLineContaining("record OrderPlacedV1(");
    }

    @Test
    void twoOldRecordsWithOneSimpleNameUpcastInOnePackageAreReported() {
        JavaFileObject a = JavaFileObjects.forSourceString("com.example.a.Created", """
                package com.example.a;

                @io.factum.annotation.Event(name = "AccountCreated", version = 1)
                public record Created(String id) {}
                """);
        JavaFileObject b = JavaFileObjects.forSourceString("com.example.b.Created", """
                package com.example.b;

                @io.factum.annotation.Event(name = "BookCreated", version = 1)
                public record Created(String id) {}
                """);
        JavaFileObject current = source("Current", """
                final class Current {
                    @Event(name = "AccountCreated", version = 2)
                    record AccountCreated(String id) {}

                    @Event(name = "BookCreated", version = 2)
                    record BookCreated(String id) {}

                    @Upcast
                    static AccountCreated account(com.example.a.Created old) {
                        return new AccountCreated(old.id());
                    }

                    @Upcast
                    static BookCreated book(com.example.b.Created old) {
                        return new BookCreated(old.id());
                    }
                }
                """);

        Compilation compilation = compile(a, b, current);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastNameClash] The upcaster generated for this method would be "
                        + "com.example.CreatedUpcaster, which the upcaster of com.example.a.Created already uses; "
                        + "declare the @Upcast method in another package")
                .inFile(current).onLineContaining("static BookCreated book(");
    }

    @Test
    void anUpcasterOfAnUnknownTypeIsReportedAtTheEnd() {
        JavaFileObject unknown = source("Unknown", """
                final class Unknown {
                    @Upcast
                    static OrderCreatedV2 upcast(OrderCreatedV0 old) {
                        return null;
                    }
                }
                """);

        Compilation compilation = compile(V2, unknown);

        assertThat(compilation)
                .hadErrorContaining("[Factum/UpcastUnresolved] @Upcast method Unknown.upcast(OrderCreatedV0) refers to OrderCreatedV0, "
                        + "which could not be resolved")
                .inFile(unknown).onLineContaining("static OrderCreatedV2 upcast(OrderCreatedV0 old)");
    }

    /** A class with one @Upcast method of the given signature from v1 to v2. */
    private static JavaFileObject shape(String className, String signature) {
        return source(className, "final class " + className + " {\n"
                + "    @Upcast\n"
                + "    " + signature + " {\n"
                + "        return new OrderCreatedV2(old.orderId(), old.customer(), null);\n"
                + "    }\n"
                + "}\n");
    }
}
