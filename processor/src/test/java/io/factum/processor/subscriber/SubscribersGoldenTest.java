package io.factum.processor.subscriber;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.ErrorSources.subject;
import static io.factum.processor.ErrorSources.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.factum.processor.Compilations;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The shape of generated subscriber registrations, compared by syntax tree: one link class per method and
 * event record, calling the method directly and then the next link.
 */
class SubscribersGoldenTest {

    @Test
    void aRecordMethodAndAFamilyMethodThatThrowsACheckedException() {
        Compilation compilation = Compilations.compile(List.of(), with(subject(
                "class Subject {",
                "    @Subscribe void created(Created e) {}",
                "    @Subscribe void any(TestEvent e, EventEnvelope<TestEvent> envelope) throws java.io.IOException {}",
                "}")));
        assertThat(compilation).succeededWithoutWarnings();
        JavaFileObject expected = Compilations.source("test.SubjectSubscribers",
                "package test;",
                "",
                "import io.factum.annotation.FactumGenerated;",
                "import io.factum.bus.EventBus;",
                "import io.factum.bus.Registration;",
                "import io.factum.bus.SubscriberLink;",
                "import io.factum.event.EventEnvelope;",
                "import io.factum.spi.SubscriberRegistration;",
                "import java.util.ArrayList;",
                "import java.util.List;",
                "import javax.annotation.processing.Generated;",
                "",
                "@Generated(\"io.factum.processor.FactumProcessor\")",
                "@FactumGenerated",
                "public final class SubjectSubscribers {",
                "    public static final SubscriberRegistration<Subject> REGISTRATION =",
                "            new SubscriberRegistration<>(Subject.class, SubjectSubscribers::register);",
                "",
                "    private SubjectSubscribers() {",
                "    }",
                "",
                "    public static Registration register(EventBus bus, Subject handler) {",
                "        List<Registration> registrations = new ArrayList<>(4);",
                "        try {",
                "            registrations.add(bus.subscribe(\"Subject.created\", Created.class,",
                "                    new CreatedToCreated(handler, SubscriberLink.end())));",
                "            registrations.add(bus.subscribe(\"Subject.any\", Created.class,",
                "                    new CreatedToAny(handler, SubscriberLink.end())));",
                "            registrations.add(bus.subscribe(\"Subject.any\", Confirmed.class,",
                "                    new ConfirmedToAny(handler, SubscriberLink.end())));",
                "            registrations.add(bus.subscribe(\"Subject.any\", Shipped.class,",
                "                    new ShippedToAny(handler, SubscriberLink.end())));",
                "        } catch (RuntimeException | Error e) {",
                "            registrations.forEach(Registration::close);",
                "            throw e;",
                "        }",
                "        return () -> registrations.forEach(Registration::close);",
                "    }",
                "",
                "    @SuppressWarnings(\"unchecked\")",
                "    private static <F> EventEnvelope<F> widen(EventEnvelope<? extends F> envelope) {",
                "        return (EventEnvelope<F>) envelope;",
                "    }",
                "",
                "    private static final class CreatedToCreated extends SubscriberLink<Created> {",
                "        private final Subject handler;",
                "",
                "        CreatedToCreated(Subject handler, SubscriberLink<Created> next) {",
                "            super(\"Subject.created\", next);",
                "            this.handler = handler;",
                "        }",
                "",
                "        @Override",
                "        public void handle(EventEnvelope<Created> envelope) {",
                "            handler.created(envelope.payload());",
                "        }",
                "",
                "        @Override",
                "        public void deliver(EventEnvelope<Created> envelope) {",
                "            handleUnchecked(envelope);",
                "            next().deliver(envelope);",
                "        }",
                "",
                "        @Override",
                "        protected SubscriberLink<Created> withNext(SubscriberLink<Created> next) {",
                "            return new CreatedToCreated(handler, next);",
                "        }",
                "    }",
                "",
                "    private static final class CreatedToAny extends SubscriberLink<Created> {",
                "        private final Subject handler;",
                "",
                "        CreatedToAny(Subject handler, SubscriberLink<Created> next) {",
                "            super(\"Subject.any\", next);",
                "            this.handler = handler;",
                "        }",
                "",
                "        @Override",
                "        public void handle(EventEnvelope<Created> envelope) throws Exception {",
                "            handler.any((TestEvent) envelope.payload(), SubjectSubscribers.<TestEvent>widen(envelope));",
                "        }",
                "",
                "        @Override",
                "        public void deliver(EventEnvelope<Created> envelope) {",
                "            handleUnchecked(envelope);",
                "            next().deliver(envelope);",
                "        }",
                "",
                "        @Override",
                "        protected SubscriberLink<Created> withNext(SubscriberLink<Created> next) {",
                "            return new CreatedToAny(handler, next);",
                "        }",
                "    }",
                "",
                "    private static final class ConfirmedToAny extends SubscriberLink<Confirmed> {",
                "        private final Subject handler;",
                "",
                "        ConfirmedToAny(Subject handler, SubscriberLink<Confirmed> next) {",
                "            super(\"Subject.any\", next);",
                "            this.handler = handler;",
                "        }",
                "",
                "        @Override",
                "        public void handle(EventEnvelope<Confirmed> envelope) throws Exception {",
                "            handler.any((TestEvent) envelope.payload(), SubjectSubscribers.<TestEvent>widen(envelope));",
                "        }",
                "",
                "        @Override",
                "        public void deliver(EventEnvelope<Confirmed> envelope) {",
                "            handleUnchecked(envelope);",
                "            next().deliver(envelope);",
                "        }",
                "",
                "        @Override",
                "        protected SubscriberLink<Confirmed> withNext(SubscriberLink<Confirmed> next) {",
                "            return new ConfirmedToAny(handler, next);",
                "        }",
                "    }",
                "",
                "    private static final class ShippedToAny extends SubscriberLink<Shipped> {",
                "        private final Subject handler;",
                "",
                "        ShippedToAny(Subject handler, SubscriberLink<Shipped> next) {",
                "            super(\"Subject.any\", next);",
                "            this.handler = handler;",
                "        }",
                "",
                "        @Override",
                "        public void handle(EventEnvelope<Shipped> envelope) throws Exception {",
                "            handler.any((TestEvent) envelope.payload(), SubjectSubscribers.<TestEvent>widen(envelope));",
                "        }",
                "",
                "        @Override",
                "        public void deliver(EventEnvelope<Shipped> envelope) {",
                "            handleUnchecked(envelope);",
                "            next().deliver(envelope);",
                "        }",
                "",
                "        @Override",
                "        protected SubscriberLink<Shipped> withNext(SubscriberLink<Shipped> next) {",
                "            return new ShippedToAny(handler, next);",
                "        }",
                "    }",
                "}");
        assertThat(compilation).generatedSourceFile("test.SubjectSubscribers").hasSourceEquivalentTo(expected);
    }

    /** Overloads taking the same record would get the same link name; the later one is numbered. */
    @Test
    void linkClassNamesStayUniqueForOverloadsOfOneRecord() {
        Compilation compilation = Compilations.compile(List.of(), with(subject(
                "class Subject {",
                "    @Subscribe void on(Created e) {}",
                "    @Subscribe void on(Created e, EventEnvelope<Created> envelope) {}",
                "}")));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compilations.generatedSource(compilation, "test.SubjectSubscribers"))
                .contains("new CreatedToOn(handler, SubscriberLink.end())")
                .contains("new CreatedToOn_2(handler, SubscriberLink.end())")
                .contains("handler.on(envelope.payload(), envelope);");
    }
}
