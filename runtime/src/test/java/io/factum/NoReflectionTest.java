package io.factum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runtime's main code uses no reflection: it must work unchanged in a GraalVM native image. */
class NoReflectionTest {

    /** The runtime has more source files than this; fewer means the scan looked in the wrong place. */
    private static final int MINIMUM_FILES = 30;

    @Test
    void runtimeMainSourcesUseNoReflection() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path mainSources = moduleDir.resolve("src/main/java");
        assertThat(mainSources).as("runtime main sources (working directory %s)", moduleDir).isDirectory();

        ReflectionScanner.Report report = ReflectionScanner.scan(mainSources);

        assertThat(report.filesScanned()).as("files scanned under %s", mainSources).isGreaterThan(MINIMUM_FILES);
        assertThat(report.violations())
                .withFailMessage(() -> "Reflection in runtime/src/main/java:\n" + report.violations().stream()
                        .map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void scannerFindsEachForbiddenUseWithFileAndLine() {
        String source = String.join("\n",
                "package x;",
                "import java.lang.reflect.Method;",
                "class X {",
                "  Object a() throws Exception { return Class.forName(name()).getDeclaredConstructor().newInstance(); }",
                "  void b(java.lang.reflect.Field f) { f.setAccessible(true); }",
                "  Object c() { return java.lang.invoke.MethodHandles.lookup(); }",
                "  Object d(Class<?> k) throws Exception { return k.getMethod(\"m\"); }",
                "}");

        List<ReflectionScanner.Violation> violations = ReflectionScanner.scan("X.java", source);

        assertThat(violations).extracting(ReflectionScanner.Violation::line).contains(2, 4, 5, 6, 7);
        assertThat(violations).extracting(ReflectionScanner.Violation::pattern)
                .contains("java.lang.reflect", "Class.forName(", "getDeclared", "setAccessible(",
                        "MethodHandles.lookup", "getMethod(");
        assertThat(violations.get(0).toString()).isEqualTo("X.java:2: uses java.lang.reflect: import java.lang.reflect.Method;");
    }

    @Test
    void scannerIgnoresCommentsAndStrings() {
        String source = String.join("\n",
                "/** Never uses Class.forName(...) or java.lang.reflect. */",
                "class Y {",
                "  // no setAccessible(true) here",
                "  /* getDeclaredFields() */ String s = \"getMethod(\\\"x\\\") and Class.forName(\";",
                "  char q = '\"'; String t = \"\"\"",
                "      MethodHandles.lookup()",
                "      \"\"\";",
                "}");

        assertThat(ReflectionScanner.scan("Y.java", source)).isEmpty();
        assertThat(ReflectionScanner.codeOnly(source).lines().count()).isEqualTo(source.lines().count());
    }

    @Test
    void scannerCountsFiles() throws Exception {
        Path dir = Files.createTempDirectory("scan");
        Files.writeString(dir.resolve("A.java"), "class A { Object o = A.class.getDeclaredFields(); }");
        Files.writeString(dir.resolve("B.java"), "class B {}");
        Files.writeString(dir.resolve("notes.txt"), "getDeclaredFields");

        ReflectionScanner.Report report = ReflectionScanner.scan(dir);

        assertThat(report.filesScanned()).isEqualTo(2);
        assertThat(report.violations()).singleElement().hasToString("A.java:1: uses getDeclared: "
                + "class A { Object o = A.class.getDeclaredFields(); }");
    }
}
