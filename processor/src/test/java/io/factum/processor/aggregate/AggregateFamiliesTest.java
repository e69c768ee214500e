package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.processor.Compilations;
import io.factum.processor.TestCodecs;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other two ways to declare a family: an open (non-sealed) interface, and a single record. */
public class AggregateFamiliesTest {

    @TempDir
    static Path classes;

    private static URLClassLoader loader;

    /** Every source of {@code test.families}; also used by the reflection scan. */
    public static List<JavaFileObject> sources() {
        List<JavaFileObject> sources = new ArrayList<>(List.of(
                Compilations.source("test.families.AccountEvent", "package test.families;",
                        "/** Not sealed: any record may implement it, so the processor cannot check exhaustiveness. */",
                        "public interface AccountEvent {}"),
                Compilations.source("test.families.Opened", "package test.families;",
                        "@io.factum.annotation.Event public record Opened(String id) implements AccountEvent {}"),
                Compilations.source("test.families.Closed", "package test.families;",
                        "@io.factum.annotation.Event public record Closed(String id) implements AccountEvent {}"),
                Compilations.source("test.families.Account", "package test.families;",
                        "import io.factum.annotation.*;",
                        "@Aggregate(name = \"account\")",
                        "public class Account extends io.factum.aggregate.AggregateRoot<AccountEvent> {",
                        "    String id;",
                        "    public String id() { return id; }",
                        "    public void open(String id) { record(new Opened(id)); }",
                        "    public void close() { record(new Closed(id)); }",
                        "    @Apply void on(Opened e) { id = e.id(); }",
                        "}"),
                Compilations.source("test.families.Pinged", "package test.families;",
                        "@io.factum.annotation.Event public record Pinged(String id) {}"),
                Compilations.source("test.families.Pinger", "package test.families;",
                        "import io.factum.annotation.*;",
                        "@Aggregate",
                        "public class Pinger extends io.factum.aggregate.AggregateRoot<Pinged> {",
                        "    public int pings;",
                        "    public String id() { return \"p\"; }",
                        "    public void ping() { record(new Pinged(\"p\")); }",
                        "    @Apply void on(Pinged e) { pings++; }",
                        "}")));
        for (String record : List.of("Opened", "Closed", "Pinged")) {
            sources.addAll(TestCodecs.forStringRecord("test.families", record, "id"));
        }
        return sources;
    }

    @BeforeAll
    static void compileAndLoad() {
        Compilation compilation = Compilations.compile(List.of(), sources());
        assertThat(compilation).succeededWithoutWarnings();
        loader = Compilations.classLoader(compilation, classes);
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @SuppressWarnings("unchecked")
    private static AggregateType<AggregateRoot<Object>, Object> type(String name) throws Exception {
        AggregateType<AggregateRoot<Object>, Object> type = (AggregateType<AggregateRoot<Object>, Object>)
                loader.loadClass(name).getField("INSTANCE").get(null);
        io.factum.aggregate.AggregateTypes.register(type);
        return type;
    }

    @Test
    void openFamilyAppliesWhatItHandlesAndRejectsOtherMembers() throws Exception {
        AggregateType<AggregateRoot<Object>, Object> type = type("test.families.AccountAggregateType");
        AggregateRoot<Object> account = type.newInstance();
        account.getClass().getMethod("open", String.class).invoke(account, "a-1");

        assertThat(type.name()).isEqualTo("account");
        assertThat(account.id()).isEqualTo("a-1");
        Object closed = loader.loadClass("test.families.Closed").getConstructor(String.class).newInstance("a-1");
        assertThatThrownBy(() -> type.apply(account, closed))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessage("test.families.Closed is not an event of aggregate account; "
                        + "add an @Apply method for it or list it in @Aggregate(ignores)");
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), "account-a-1", 1, 1, "Closed", 1,
                Instant.EPOCH, Metadata.empty(), "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> type.replay(account, stored, EventTypeRegistry.ofTypes(List.of())))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Closed is not an event of aggregate account");
    }

    @Test
    void singleRecordFamilyAppliesDirectly() throws Exception {
        AggregateType<AggregateRoot<Object>, Object> type = type("test.families.PingerAggregateType");
        AggregateRoot<Object> pinger = type.newInstance();
        pinger.getClass().getMethod("ping").invoke(pinger);
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), "Pinger-p", 1, 1, "Pinged", 1,
                Instant.EPOCH, Metadata.empty(), "{\"id\":\"p\"}".getBytes(StandardCharsets.UTF_8));
        type.replay(pinger, stored, EventTypeRegistry.ofTypes(List.of()));

        assertThat(pinger.getClass().getField("pings").getInt(pinger)).isEqualTo(2);
        assertThat(type.eventFamily()).isSameAs(loader.loadClass("test.families.Pinged"));
    }
}
