package io.factum.processor.aggregate;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import io.factum.aggregate.AggregateTypes;
import io.factum.processor.Compilations;
import io.factum.processor.TestCodecs;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a lesson-shaped Order (the lesson's events and invariants; the first version of the
 * example app's Order, kept in {@code src/test/resources/example-ordering} since the example app
 * grew its own) with the processor and runs the lesson's order life through the generated
 * {@code OrderAggregateType}. Codecs are stubs until the event step generates them.
 */
class ExampleOrderTest {

    private static final Path ORDERING = Path.of("src", "test", "resources", "example-ordering");
    private static final String PACKAGE = "io.factum.example.ordering";

    @TempDir
    static Path classes;

    private static URLClassLoader loader;
    private static AggregateType<AggregateRoot<Object>, Object> type;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileTheExampleApp() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ORDERING)) {
            for (Path file : files.sorted().toList()) {
                sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
                String name = file.getFileName().toString().replace(".java", "");
                if (Files.readString(file).contains("@Event")) {
                    sources.addAll(TestCodecs.stub(PACKAGE, name));
                }
            }
        }
        // The sources are files in this module: keep the processor from writing a schema lock beside them.
        Compilation compilation = Compilations.compile(List.of("-Afactum.schemaLock=off"), sources);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(PACKAGE + ".OrderingFactumModule");
        loader = Compilations.classLoader(compilation, classes);
        type = (AggregateType<AggregateRoot<Object>, Object>) loader.loadClass(PACKAGE + ".OrderAggregateType").getField("INSTANCE").get(null);
        AggregateTypes.register(type);
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    @Test
    void theLessonsOrderLife() throws Exception {
        Object order = create("o-1", "c-9");
        call(order, "addItem", "book", 2, new BigDecimal("12.50"));
        call(order, "confirm");
        call(order, "pay", "pay-1", new BigDecimal("25.00"));
        call(order, "ship", "TRACK-1");
        call(order, "deliver");

        assertThat(call(order, "status")).hasToString("DELIVERED");
        assertThat(((AggregateRoot<?>) order).uncommittedEvents()).map(e -> e.getClass().getSimpleName()).containsExactly(
                "OrderCreated", "OrderItemAdded", "OrderConfirmed", "OrderPaid", "OrderShipped", "OrderDelivered");
    }

    @Test
    void onlyPendingOrdersCanBeConfirmed() throws Exception {
        Object order = create("o-1", "c-9");
        call(order, "addItem", "book", 1, BigDecimal.ONE);
        call(order, "confirm");
        assertThatThrownBy(() -> call(order, "confirm")).hasMessage("Only pending orders can be confirmed");
    }

    @Test
    void onlyConfirmedOrdersCanBePaidAndOnlyPaidOnesShipped() throws Exception {
        Object order = create("o-1", "c-9");
        call(order, "addItem", "book", 1, BigDecimal.TEN);
        assertThatThrownBy(() -> call(order, "pay", "p", BigDecimal.TEN)).hasMessage("Only confirmed orders can be paid");
        assertThatThrownBy(() -> call(order, "ship", "t")).hasMessage("Only paid orders can be shipped");
    }

    @Test
    void noCancellingAfterShipping() throws Exception {
        Object order = create("o-1", "c-9");
        call(order, "addItem", "book", 1, BigDecimal.TEN);
        call(order, "confirm");
        call(order, "pay", "p", BigDecimal.TEN);
        call(order, "ship", "t");
        assertThatThrownBy(() -> call(order, "cancel", "changed my mind")).hasMessage("Orders cannot be cancelled after shipping");
    }

    @Test
    void aPendingOrderCanBeCancelled() throws Exception {
        Object order = create("o-1", "c-9");
        call(order, "cancel", "changed my mind");
        assertThat(call(order, "status")).hasToString("CANCELLED");
    }

    private static Object create(String id, String customer) throws Exception {
        return invoke(null, loader.loadClass(PACKAGE + ".Order").getMethod("create", String.class, String.class), id, customer);
    }

    private static Object call(Object target, String name, Object... arguments) throws Exception {
        for (java.lang.reflect.Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return invoke(target, method, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
