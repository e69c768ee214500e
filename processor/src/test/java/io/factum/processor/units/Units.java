package io.factum.processor.units;

import io.factum.processor.FactumProcessor;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds compilation units to disk one after another, as Maven builds modules (or main, then test sources):
 * javac with {@code -d <unit>/classes}, that directory on its own class path (so a second build without
 * {@code clean} sees its earlier output), and the given directories or jars of other units.
 */
final class Units {

    /** Strict, as a user's build may be: every warning, and warnings are errors. */
    static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

    /** Every warning, reported but not fatal. */
    static final List<String> LINT = List.of("-Xlint:all");

    private Units() {}

    /** What one unit's compilation gave. */
    record Unit(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {

        List<String> errors() {
            return messages(Diagnostic.Kind.ERROR);
        }

        List<String> warnings() {
            List<String> all = new ArrayList<>(messages(Diagnostic.Kind.WARNING));
            all.addAll(messages(Diagnostic.Kind.MANDATORY_WARNING));
            return all;
        }

        private List<String> messages(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        /** The diagnostics of {@code kind} with the line they are on, e.g. {@code "7: [Factum/...] ..."}. */
        List<String> located(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind)
                    .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
        }

        /** The unit's service file: the module names it registers. */
        String serviceFile() throws IOException {
            return Files.readString(classes.resolve("META-INF/services/io.factum.spi.FactumModule"), StandardCharsets.UTF_8);
        }
    }

    /** Compiles {@code sources} into {@code unit}, with {@code classPath} (other units) and {@code options}. */
    static Unit compile(Path unit, List<Path> classPath, List<String> options, List<JavaFileObject> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            Path classes = Files.createDirectories(unit.resolve("classes"));
            Path generated = Files.createDirectories(unit.resolve("generated"));
            List<String> path = new ArrayList<>();
            path.add(classes.toString());
            classPath.forEach(p -> path.add(p.toString()));
            path.add(System.getProperty("java.class.path"));
            List<String> all = new ArrayList<>(options);
            all.addAll(List.of("-d", classes.toString(), "-s", generated.toString(),
                    "-classpath", String.join(File.pathSeparator, path)));
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, all, null, sources);
                task.setProcessors(List.of(new FactumProcessor()));
                boolean success = task.call();
                return new Unit(success, diagnostics.getDiagnostics(), classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar of everything in {@code classes}, as the unit's build would package it. */
    static Path jar(Path classes, Path jar) {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** A class loader over these directories and jars, in this order, with the test class path as parent. */
    static URLClassLoader loader(Path... entries) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path entry : entries) {
                urls.add(entry.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader(urls.toArray(new URL[0]), Units.class.getClassLoader());
    }
}
