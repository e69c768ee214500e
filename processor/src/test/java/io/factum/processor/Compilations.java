package io.factum.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles annotated test sources with Factum's processor and loads what came out. */
public final class Compilations {

    /** Generated code must compile without warnings; "processing" only warns that no processor claimed the annotations. */
    public static final List<String> LINT = List.of("-Xlint:all,-processing");

    private Compilations() {}

    /** A source file {@code qualifiedName} with the given lines. */
    public static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    public static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), List.of(sources));
    }

    public static Compilation compile(List<String> options, List<JavaFileObject> sources) {
        List<String> all = new ArrayList<>(LINT);
        all.addAll(options);
        return javac().withProcessors(new FactumProcessor()).withOptions(all).compile(sources);
    }

    /** The generated Java sources, by file name (e.g. {@code /SOURCE_OUTPUT/test/OrderAggregateType.java}). */
    public static Map<String, String> generatedSources(Compilation compilation) {
        Map<String, String> sources = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            try {
                sources.put(file.toUri().getPath(), file.getCharContent(true).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** The text of one generated source, e.g. {@code test.ordering.OrderAggregateType}. */
    public static String generatedSource(Compilation compilation, String qualifiedName) {
        String path = "/" + qualifiedName.replace('.', '/') + ".java";
        return generatedSources(compilation).entrySet().stream()
                .filter(e -> e.getKey().endsWith(path))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName + " in " + generatedSources(compilation).keySet()));
    }

    /**
     * A class loader over everything the compilation wrote to the class output (classes and
     * META-INF/services), with the test class path (the runtime) as parent.
     */
    public static URLClassLoader classLoader(Compilation compilation, Path directory) {
        try {
            for (JavaFileObject file : compilation.generatedFiles()) {
                String path = file.toUri().getPath();
                String prefix = "/CLASS_OUTPUT/";
                if (!path.startsWith(prefix)) {
                    continue;
                }
                Path target = directory.resolve(path.substring(prefix.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
            return new URLClassLoader(new URL[] {directory.toUri().toURL()}, Compilations.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a compilation to disk produced (compile-testing hides generated files of failed compilations). */
    public record DiskCompilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sourceOutput) {
        public List<String> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        public boolean generated(String qualifiedName) {
            return Files.exists(sourceOutput.resolve(qualifiedName.replace('.', '/') + ".java"));
        }

        public String source(String qualifiedName) throws IOException {
            return Files.readString(sourceOutput.resolve(qualifiedName.replace('.', '/') + ".java"));
        }
    }

    /** Compiles with the processor into {@code directory} ({@code classes/}, {@code generated/}), keeping what was generated. */
    public static DiskCompilation compileToDirectory(List<JavaFileObject> sources, Path directory) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classesDir = Files.createDirectories(directory.resolve("classes"));
        Path generatedDir = Files.createDirectories(directory.resolve("generated"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(LINT);
            options.addAll(List.of("-d", classesDir.toString(), "-s", generatedDir.toString(),
                    "-classpath", System.getProperty("java.class.path")));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, sources);
            task.setProcessors(List.of(new FactumProcessor()));
            boolean success = task.call();
            return new DiskCompilation(success, diagnostics.getDiagnostics(), generatedDir);
        }
    }

    /** Reads a generated file as UTF-8 text (for resources such as the service file). */
    public static String text(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
