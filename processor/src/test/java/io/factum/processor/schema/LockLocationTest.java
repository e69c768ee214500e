package io.factum.processor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.processor.FactumProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lock goes by default: found from the event's source file, as in a real Maven or Gradle build. */
class LockLocationTest {

    private static final String EVENT = """
            package com.example;

            @io.factum.annotation.Event
            public record OrderShipped(String orderId) {}
            """;

    @TempDir
    Path project;

    @Test
    void mavenMainClassesLockAtTheProjectRoot() throws IOException {
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        List<Diagnostic<? extends JavaFileObject>> diagnostics = compileInto(project.resolve("target/classes"));

        assertThat(diagnostics).isEmpty();
        assertThat(Files.readString(project.resolve("factum-schema.lock"))).contains("""
                event OrderShipped v1
                  class com.example.OrderShipped
                  orderId: java.lang.String
                """);
        assertThat(project.resolve("target/classes/factum-schema.lock")).doesNotExist();
    }

    @Test
    void testSourcesGetALockOfTheirOwn() throws IOException {
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        compile("src/test/java", project.resolve("target/test-classes"));

        assertThat(project.resolve("factum-schema-test.lock")).exists();
        assertThat(project.resolve("factum-schema.lock")).doesNotExist();
    }

    @Test
    void gradleProjectsLockAtTheProjectRoot() throws IOException {
        Files.writeString(project.resolve("build.gradle.kts"), "");

        compileInto(project.resolve("build/classes/java/main"));

        assertThat(project.resolve("factum-schema.lock")).exists();
    }

    @Test
    void withoutABuildFileTheLockIsSkippedWithAWarning() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compileInto(project.resolve("out"));

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.WARNING);
            assertThat(d.getMessage(Locale.ROOT)).startsWith("[Factum/SchemaLockUnlocated] Factum found no build file (pom.xml, build.gradle,"
                    + " build.gradle.kts) in " + project.resolve("src/main/java/com/example") + " or above it");
        });
        try (var files = Files.walk(project)) {
            assertThat(files.filter(p -> p.toString().endsWith(".lock"))).isEmpty();
        }
    }

    @Test
    void offDisablesTheLock() throws IOException {
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        compileInto(project.resolve("target/classes"), "-Afactum.schemaLock=off");

        assertThat(project.resolve("factum-schema.lock")).doesNotExist();
    }

    private List<Diagnostic<? extends JavaFileObject>> compileInto(Path classOutput, String... options) throws IOException {
        return compile("src/main/java", classOutput, options);
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String sourceRoot, Path classOutput, String... options) throws IOException {
        Path source = project.resolve(sourceRoot).resolve("com/example/OrderShipped.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, EVENT);
        Files.createDirectories(classOutput);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> arguments = new ArrayList<>(List.of(
                    "-d", classOutput.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:only"));
            arguments.addAll(List.of(options));
            JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, diagnostics, arguments, null,
                    files.getJavaFileObjects(source.toFile()));
            task.setProcessors(List.of(new FactumProcessor()));
            assertThat(task.call()).isTrue();
        }
        return diagnostics.getDiagnostics();
    }
}
