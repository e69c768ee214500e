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
import java.util.Set;
import java.util.TreeSet;
import java.util.Locale;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
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

    /** A compilation and the source files the processor created (known even if compilation failed). */
    public record Recorded(Compilation compilation, Set<String> generatedSources) {}

    /**
     * Compiles with the processor, recording every source file it creates through the {@link Filer}, so tests
     * can check what was generated even when compilation failed (compile-testing hides generated files then,
     * and javac runs no further round to compile them).
     */
    public static Recorded compileRecording(JavaFileObject... sources) {
        Set<String> generated = new TreeSet<>();
        FactumProcessor factum = new FactumProcessor();
        AbstractProcessor recording = new AbstractProcessor() {
            @Override
            public synchronized void init(ProcessingEnvironment env) {
                super.init(env);
                factum.init(new RecordingEnvironment(env, generated));
            }

            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return factum.getSupportedAnnotationTypes();
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return factum.getSupportedSourceVersion();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                return factum.process(annotations, round);
            }
        };
        return new Recorded(Compiler.javac().withProcessors(recording).compile(sources), generated);
    }

    /** The real environment, with a filer that remembers the names of created source files. */
    private record RecordingEnvironment(ProcessingEnvironment env, Set<String> generated) implements ProcessingEnvironment {
        @Override
        public Map<String, String> getOptions() {
            return env.getOptions();
        }

        @Override
        public Messager getMessager() {
            return env.getMessager();
        }

        @Override
        public Filer getFiler() {
            Filer filer = env.getFiler();
            return new Filer() {
                @Override
                public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    generated.add(name.toString());
                    return filer.createSourceFile(name, originatingElements);
                }

                @Override
                public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
                        throws IOException {
                    return filer.createClassFile(name, originatingElements);
                }

                @Override
                public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                                                 CharSequence relativeName, Element... originatingElements)
                        throws IOException {
                    return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
                }

                @Override
                public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                                              CharSequence relativeName) throws IOException {
                    return filer.getResource(location, moduleAndPkg, relativeName);
                }
            };
        }

        @Override
        public Elements getElementUtils() {
            return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return env.getLocale();
        }
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
