package io.factum.processor.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.JavaFileObjects;
import io.factum.event.EventTypeRegistry;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several compilation units in one package (main and test sources, a jar and one that depends on it) each get
 * a module of their own, and every event survives to the registry; a chosen module name or a stored name that
 * another unit on the class path already has is a compile error; a rebuild without clean is not a clash.
 */
class ModuleClashTest {

    @TempDir
    Path dir;

    private static JavaFileObject event(String qualifiedName, String annotation, String components) {
        int dot = qualifiedName.lastIndexOf('.');
        return JavaFileObjects.forSourceString(qualifiedName, "package " + qualifiedName.substring(0, dot) + ";\n"
                + "\n"
                + "@io.factum.annotation.Event" + annotation + "\n"
                + "public record " + qualifiedName.substring(dot + 1) + "(" + components + ") {}\n");
    }

    private static final JavaFileObject PLACED = event("com.acme.shop.OrderPlaced", "", "String orderId");

    @Test
    void testSourcesInTheMainPackageGetAModuleOfTheirOwnAndBothAreLoaded() throws Exception {
        Units.Unit main = Units.compile(dir.resolve("main"), List.of(), Units.STRICT, List.of(PLACED));
        Units.Unit test = Units.compile(dir.resolve("test"), List.of(main.classes()), Units.STRICT,
                List.of(event("com.acme.shop.TestProbe", "", "String id")));

        assertThat(main.diagnostics()).isEmpty();
        assertThat(test.diagnostics()).isEmpty();
        assertThat(main.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule\n");
        assertThat(test.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule2\n");
        // as surefire runs tests: test classes first, then main classes
        try (URLClassLoader loader = Units.loader(test.classes(), main.classes())) {
            EventTypeRegistry registry = EventTypeRegistry.load(loader);
            assertThat(registry.find("OrderPlaced", 1)).isNotNull();
            assertThat(registry.find("TestProbe", 1)).isNotNull();
        }
    }

    @Test
    void aJarThatDependsOnAJarOfTheSamePackageGetsAModuleOfItsOwn() throws Exception {
        Units.Unit first = Units.compile(dir.resolve("a"), List.of(), Units.STRICT, List.of(PLACED));
        Path firstJar = Units.jar(first.classes(), dir.resolve("a.jar"));
        Units.Unit second = Units.compile(dir.resolve("b"), List.of(firstJar), Units.STRICT,
                List.of(event("com.acme.shop.OrderShipped", "", "String orderId")));
        Path secondJar = Units.jar(second.classes(), dir.resolve("b.jar"));

        assertThat(second.errors()).isEmpty();
        assertThat(second.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule2\n");
        try (URLClassLoader loader = Units.loader(firstJar, secondJar)) {
            EventTypeRegistry registry = EventTypeRegistry.load(loader);
            assertThat(registry.find("OrderPlaced", 1)).isNotNull();
            assertThat(registry.find("OrderShipped", 1)).isNotNull();
        }
    }

    /** Two jars of one package built apart cannot see each other; loading both names the clash instead of losing one. */
    @Test
    void twoJarsOfOnePackageBuiltApartAreRefusedWhenLoadedTogether() throws Exception {
        Path firstJar = Units.jar(Units.compile(dir.resolve("a"), List.of(), Units.STRICT, List.of(PLACED)).classes(),
                dir.resolve("a.jar"));
        Path secondJar = Units.jar(Units.compile(dir.resolve("b"), List.of(), Units.STRICT,
                List.of(event("com.acme.shop.OrderShipped", "", "String orderId"))).classes(), dir.resolve("b.jar"));

        try (URLClassLoader loader = Units.loader(firstJar, secondJar)) {
            assertThatThrownBy(() -> EventTypeRegistry.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Two different modules are named com.acme.shop.ShopFactumModule: ")
                    .hasMessageContaining("a.jar!/com/acme/shop/ShopFactumModule.class")
                    .hasMessageContaining("b.jar!/com/acme/shop/ShopFactumModule.class")
                    .hasMessageContaining("-Afactum.module=");
        }
        // the same jar twice on the class path (two copies) is the same module, not a clash
        Path copy = java.nio.file.Files.copy(firstJar, dir.resolve("a-copy.jar"));
        try (URLClassLoader loader = Units.loader(firstJar, copy)) {
            assertThat(EventTypeRegistry.load(loader).find("OrderPlaced", 1)).isNotNull();
        }
    }

    @Test
    void aChosenModuleNameThatAJarOnTheClassPathHasIsAnError() {
        Path firstJar = Units.jar(Units.compile(dir.resolve("a"), List.of(), Units.STRICT, List.of(PLACED)).classes(),
                dir.resolve("a.jar"));
        Units.Unit second = Units.compile(dir.resolve("b"), List.of(firstJar),
                List.of("-Afactum.module=com.acme.shop.ShopFactumModule"),
                List.of(event("com.acme.shop.OrderShipped", "", "String orderId")));

        assertThat(second.success()).isFalse();
        assertThat(second.errors()).singleElement().asString()
                .startsWith("[Factum/ModuleExists] The generated FactumModule would be com.acme.shop.ShopFactumModule,"
                        + " but a class of that name is already on the class path")
                .contains("-Afactum.module=<another fully qualified class name>");
    }

    @Test
    void aStoredNameThatAnEventOfAJarOnTheClassPathHasIsAnErrorOnTheRecord() {
        Path firstJar = Units.jar(Units.compile(dir.resolve("a"), List.of(), Units.STRICT, List.of(PLACED)).classes(),
                dir.resolve("a.jar"));
        Units.Unit second = Units.compile(dir.resolve("b"), List.of(firstJar), Units.STRICT,
                List.of(event("com.acme.billing.Placed", "(name = \"OrderPlaced\")", "String orderId, long cents")));

        assertThat(second.success()).isFalse();
        assertThat(second.located(Diagnostic.Kind.ERROR)).singleElement().asString()
                .isEqualTo("3: [Factum/DuplicateEventOnClassPath] Placed is stored as \"OrderPlaced\" v1, but"
                        + " com.acme.shop.OrderPlaced of module com.acme.shop.ShopFactumModule on the class path is"
                        + " stored the same way; the stored name and version select the class when events are read,"
                        + " and a registry with both modules would refuse them, so give one of them a different"
                        + " @Event(name = ...) or version");
    }

    /**
     * Plain javac into the same directory keeps every earlier output (Maven deletes what it compiled before a
     * rebuild; this is the harder case): javac itself warns that the regenerated types exist, Factum says nothing.
     */
    @Test
    void aRebuildWithoutCleanIsNoClashEvenAfterARecordWasRenamed() throws Exception {
        Path unit = dir.resolve("main");
        Units.Unit first = Units.compile(unit, List.of(), Units.STRICT, List.of(PLACED));
        Units.Unit again = Units.compile(unit, List.of(), Units.LINT, List.of(PLACED));
        Units.Unit renamed = Units.compile(unit, List.of(), Units.LINT,
                List.of(event("com.acme.shop.OrderSubmitted", "(name = \"OrderPlaced\")", "String orderId")));

        assertThat(first.diagnostics()).isEmpty();
        assertThat(again.errors()).isEmpty();
        assertThat(again.warnings()).allMatch(ModuleClashTest::regeneratedOverOwnOutput);
        assertThat(again.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule\n");
        assertThat(renamed.errors()).isEmpty();
        assertThat(renamed.warnings()).allMatch(ModuleClashTest::regeneratedOverOwnOutput);
        assertThat(renamed.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule\n");
    }

    /**
     * A record whose stored name changed, rebuilt without clean (an IDE's build, plain javac): the claim of its old
     * name stays in the output, and may go into the jar. It claims nothing any more, so another unit may use the name.
     */
    @Test
    void aStaleClaimOfAnEarlierBuildIsNoClashForAnotherUnit() throws Exception {
        Path mainUnit = dir.resolve("main");
        Units.compile(mainUnit, List.of(), Units.STRICT, List.of(PLACED));
        Units.Unit main = Units.compile(mainUnit, List.of(), Units.LINT,
                List.of(event("com.acme.shop.OrderPlaced", "(name = \"OrderCreated\")", "String orderId")));
        Units.Unit test = Units.compile(dir.resolve("test"), List.of(main.classes()), Units.STRICT,
                List.of(event("com.acme.shop.TestPlaced", "(name = \"OrderPlaced\")", "String id")));

        assertThat(main.errors()).isEmpty();
        assertThat(test.diagnostics()).isEmpty();
        assertThat(test.success()).isTrue();
    }

    /** The same, for a record deleted since (an IDE deletes its class file, not the claim). */
    @Test
    void theClaimOfADeletedRecordIsNoClashForAnotherUnit() throws Exception {
        Path mainUnit = dir.resolve("main");
        Units.Unit first = Units.compile(mainUnit, List.of(), Units.STRICT,
                List.of(PLACED, event("com.acme.shop.OrderShipped", "", "String orderId")));
        java.nio.file.Files.delete(first.classes().resolve("com/acme/shop/OrderPlaced.class"));
        java.nio.file.Files.delete(first.classes().resolve("com/acme/shop/OrderPlacedCodec.class"));
        Units.Unit main = Units.compile(mainUnit, List.of(), Units.LINT,
                List.of(event("com.acme.shop.OrderShipped", "", "String orderId")));
        Units.Unit test = Units.compile(dir.resolve("test"), List.of(main.classes()), Units.STRICT,
                List.of(event("com.acme.shop.TestPlaced", "(name = \"OrderPlaced\")", "String id")));

        assertThat(main.errors()).isEmpty();
        assertThat(test.diagnostics()).isEmpty();
    }

    /** javac's warning for a generated type whose class file an earlier build left in the output directory. */
    private static boolean regeneratedOverOwnOutput(String warning) {
        return warning.matches("A file for type '[\\w.]+' already exists on the sourcepath or classpath");
    }

    @Test
    void aRebuildOfTheTestSourcesWithoutCleanKeepsTheirModuleName() throws Exception {
        Units.Unit main = Units.compile(dir.resolve("main"), List.of(), Units.STRICT, List.of(PLACED));
        List<JavaFileObject> tests = List.of(event("com.acme.shop.TestProbe", "", "String id"));
        Units.compile(dir.resolve("test"), List.of(main.classes()), Units.STRICT, tests);
        Units.Unit again = Units.compile(dir.resolve("test"), List.of(main.classes()), Units.LINT, tests);

        assertThat(again.errors()).isEmpty();
        assertThat(again.warnings()).allMatch(ModuleClashTest::regeneratedOverOwnOutput);
        assertThat(again.serviceFile()).isEqualTo("com.acme.shop.ShopFactumModule2\n");
    }
}
