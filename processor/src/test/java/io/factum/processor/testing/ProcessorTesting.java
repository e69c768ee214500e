package io.factum.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.factum.processor.FactumProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/** Compiles annotated sources with Factum's processor in-process, and loads what came out. */
public final class ProcessorTesting {

    private ProcessorTesting() {}

    /** A source file from its lines, e.g. {@code source("test.OrderCreated", "package test;", ...)}. */
    public static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** Compiles with the processor and no extra options. */
    public static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new FactumProcessor()).compile(sources);
    }

    /**
     * Compiles with the processor under {@code -Xlint:all -Werror} and asserts success, so any warning in
     * generated code fails the test. Only the {@code processing} lint is off: it warns that no processor
     * claimed {@code @Event}, and Factum's processor deliberately never claims annotations.
     */
    public static Compilation compileCleanly(JavaFileObject... sources) {
        Compilation compilation = Compiler.javac()
                .withProcessors(new FactumProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** The text of a generated source file, e.g. {@code generatedSource(c, "test.OrderCreatedCodec")}. */
    public static String generatedSource(Compilation compilation, String qualifiedName) {
        Optional<JavaFileObject> file = compilation.generatedSourceFile(qualifiedName);
        if (file.isEmpty()) {
            throw new AssertionError("no generated source " + qualifiedName + "; generated: " + compilation.generatedSourceFiles());
        }
        try {
            return file.get().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class loader over the compilation's class files, delegating to the test's class path for the rest. */
    public static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                    path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(ProcessorTesting.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
