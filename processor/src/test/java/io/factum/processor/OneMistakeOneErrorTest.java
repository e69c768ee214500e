package io.factum.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.factum.processor.upcast.UpcastSources.compile;
import static io.factum.processor.upcast.UpcastSources.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mistake, one error, on the right element: what failed validation takes no part in later checks (event
 * families, handler parameters, the schema lock), and what depends on it is still generated, so the user sees
 * neither a second Factum error nor javac's "cannot find symbol" for a generated class.
 */
class OneMistakeOneErrorTest {

    @TempDir
    Path dir;

    private static final JavaFileObject FAMILY = source("ShopEvent", """
            public sealed interface ShopEvent permits Opened, Closed {}
            """);

    private static final JavaFileObject OPENED = source("Opened", """
            @Event
            public record Opened(String id) implements ShopEvent {}
            """);

    /** The mistake: @Event on a class. */
    private static final JavaFileObject CLOSED_CLASS = source("Closed", """
            @Event
            public final class Closed implements ShopEvent {
                public String id() { return "x"; }
            }
            """);

    private static final JavaFileObject SHOP = source("Shop", """
            @Aggregate
            public class Shop extends AggregateRoot<ShopEvent> {
                public String id() { return null; }
                @Apply void on(Opened e) {}
                @Apply void on(Closed e) {}
            }
            """);

    private static final JavaFileObject WATCHER = source("Watcher", """
            public class Watcher {
                @Subscribe void on(ShopEvent e) {}
                @Subscribe void closed(Closed e) {}
            }
            """);

    /** Uses what the processor generates for the aggregate and the handler. */
    private static final JavaFileObject USER = source("Wiring", """
            final class Wiring {
                Object type = ShopAggregateType.INSTANCE;
                Class<?> subscribers = WatcherSubscribers.class;
            }
            """);

    @Test
    void anEventOnAClassIsOneErrorAndItsAggregateAndHandlerAreStillGenerated() {
        Compilation compilation = compile(FAMILY, OPENED, CLOSED_CLASS, SHOP, WATCHER, USER);

        assertThat(compilation).hadErrorContaining("[Factum/EventNotRecord] @Event applies to records only")
                .inFile(CLOSED_CLASS).onLineContaining("@Event");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anAggregateWithAnErrorStillHasItsGeneratedTypeSoItsUsersCompile() {
        JavaFileObject shop = source("Shop", """
                @Aggregate
                public class Shop extends AggregateRoot<ShopEvent> {
                    public String id() { return null; }
                    @Apply void on(Opened e) {}
                }
                """);
        JavaFileObject closed = source("Closed", """
                @Event
                public record Closed(String id) implements ShopEvent {}
                """);
        JavaFileObject user = source("Wiring", """
                final class Wiring {
                    io.factum.aggregate.AggregateType<Shop, ShopEvent> type = ShopAggregateType.INSTANCE;
                }
                """);

        Compilation compilation = compile(FAMILY, OPENED, closed, shop, user);

        assertThat(compilation).hadErrorContaining("[Factum/ApplyMissing] Aggregate Shop does not handle these events"
                + " of its family ShopEvent: Closed").inFile(shop).onLineContaining("public class Shop");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aHandlerWithAnErrorStillHasItsSubscribersSoItsUsersCompile() {
        JavaFileObject handler = source("Watcher", """
                public class Watcher {
                    @Subscribe static void on(Opened e) {}
                }
                """);
        JavaFileObject user = source("Wiring", """
                final class Wiring {
                    void wire(io.factum.bus.EventBus bus) {
                        WatcherSubscribers.register(bus, new Watcher());
                    }
                }
                """);

        Compilation compilation = compile(FAMILY, OPENED, source("Closed", "@Event public record Closed(String id) implements ShopEvent {}"),
                handler, user);

        assertThat(compilation).hadErrorContaining("[Factum/SubscribeStatic]").inFile(handler).onLineContaining("static void on");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRouterWithAnErrorStillHasItsRouterSoItsUsersCompile() {
        JavaFileObject routing = source("ShopRouting", """
                @EventRouter(handlers = {})
                public interface ShopRouting extends io.factum.bus.EventPublisher {}
                """);
        JavaFileObject user = source("Wiring", """
                final class Wiring {
                    ShopRouting routing = new ShopRoutingRouter(new Object());
                }
                """);

        Compilation compilation = compile(routing, user);

        assertThat(compilation).hadErrorContaining("[Factum/RouterNoHandlers]").inFile(routing).onLineContaining("@EventRouter");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFamilyThatPermitsAPlainRecordIsOneErrorHoweverManyUseIt() {
        JavaFileObject family = source("ShopEvent", """
                public sealed interface ShopEvent permits Opened, Plain {}
                """);
        JavaFileObject plain = source("Plain", """
                public record Plain(String id) implements ShopEvent {}
                """);
        JavaFileObject shop = source("Shop", """
                @Aggregate
                public class Shop extends AggregateRoot<ShopEvent> {
                    public String id() { return null; }
                    @Apply void on(Opened e) {}
                }
                """);

        Compilation compilation = compile(family, OPENED, plain, shop, WATCHER_OF_FAMILY);

        assertThat(compilation).hadErrorContaining("[Factum/FamilyMemberNotEvent] The sealed event family ShopEvent"
                + " permits com.example.Plain");
        assertThat(compilation).hadErrorCount(1);
    }

    private static final JavaFileObject WATCHER_OF_FAMILY = source("Watcher", """
            public class Watcher {
                @Subscribe void on(ShopEvent e) {}
            }
            """);

    private static JavaFileObject placed(String components) {
        return source("OrderPlaced", "@Event\npublic record OrderPlaced(" + components + ") {}\n");
    }

    private Compilation compileLocked(JavaFileObject... sources) {
        return compile(List.of("-Afactum.schemaLock=" + dir.resolve("factum-schema.lock")), sources);
    }

    @Test
    void anUnsupportedComponentTypeIsNotAlsoASchemaChange() {
        assertThat(compileLocked(placed("String orderId, String note"))).succeededWithoutWarnings();

        Compilation compilation = compileLocked(placed("String orderId, Object note"));

        assertThat(compilation).hadErrorContaining("[Factum/UnsupportedType] component 'note' has type java.lang.Object")
                .inFile(placed("")).onLineContaining("public record OrderPlaced(");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aDuplicateStoredNameGivesNoSchemaLockErrors() {
        assertThat(compileLocked(placed("String orderId"))).succeededWithoutWarnings();
        JavaFileObject copy = source("PlacedCopy", """
                @Event(name = "OrderPlaced")
                public record PlacedCopy(long amount) {}
                """);

        Compilation compilation = compileLocked(placed("String orderId"), copy);

        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent]").inFile(copy).onLineContaining("@Event");
        assertThat(compilation).hadErrorContaining("[Factum/DuplicateEvent]").inFile(placed("")).onLineContaining("@Event");
        assertThat(compilation).hadErrorCount(2);
    }

    /** A misspelled or unimported annotation is javac's error alone: the method it was meant for is not also missing. */
    @Test
    void anUnresolvedAnnotationOnAMethodIsNotAlsoAMissingApply() {
        JavaFileObject closed = source("Closed", """
                @Event
                public record Closed(String id) implements ShopEvent {}
                """);
        JavaFileObject shop = source("Shop", """
                @Aggregate
                public class Shop extends AggregateRoot<ShopEvent> {
                    public String id() { return null; }
                    @Apply void on(Opened e) {}
                    @Aply void on(Closed e) {}
                }
                """);

        Compilation compilation = compile(FAMILY, OPENED, closed, shop);

        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(shop).onLineContaining("@Aply");
        assertThat(compilation).hadErrorCount(1);
    }
}
