package io.factum.processor.schema;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.factum.processor.base.Message;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where the event schema lock lives. Annotation processors are not told the project directory, so by
 * default it is found from the source file of an event record (or, where javac's tree API is not
 * available, from the class output directory): the nearest enclosing directory with a build file
 * ({@code pom.xml}, {@code build.gradle}, {@code build.gradle.kts}) is the project, and the lock is
 * {@code factum-schema.lock} there ({@code factum-schema-test.lock} for test sources, so test events
 * never mix with the real ones). {@code -Afactum.schemaLock=<path>} overrides it; {@code =off}
 * disables it. Sources compiled from memory (compile-testing, some IDE previews) get no lock.
 */
final class LockLocation {

    static final String OPTION = "factum.schemaLock";
    static final String UPDATE_OPTION = "factum.schemaLock.update";
    static final String FILE_NAME = "factum-schema.lock";
    static final String TEST_FILE_NAME = "factum-schema-test.lock";

    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    private LockLocation() {}

    /**
     * The lock file for a compilation that declares {@code record}, or null when the lock is off or cannot
     * be placed (a warning says why, unless the sources are in memory).
     */
    static Path resolve(ProcessingEnvironment env, Element record) {
        String option = env.getOptions().get(OPTION);
        if (option != null && !option.isBlank()) {
            return option.equalsIgnoreCase("off") ? null : Path.of(option).toAbsolutePath();
        }
        Path start;
        URI source = sourceFile(env, record);
        if (source != null) {
            if (!"file".equals(source.getScheme())) {
                return null; // compiled from memory: nowhere to keep a lock
            }
            start = Path.of(source).getParent();
        } else {
            start = classOutput(env);
            if (start == null) {
                return null;
            }
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (String buildFile : BUILD_FILES) {
                if (Files.isRegularFile(dir.resolve(buildFile))) {
                    return dir.resolve(isTest(dir.relativize(start)) ? TEST_FILE_NAME : FILE_NAME);
                }
            }
        }
        env.getMessager().printMessage(Message.SCHEMA_LOCK_UNLOCATED.kind(), Message.SCHEMA_LOCK_UNLOCATED.format(start));
        return null;
    }

    /** Whether {@code -Afactum.schemaLock.update=true}: incompatible changes are accepted and locked. */
    static boolean updateRequested(ProcessingEnvironment env) {
        return Boolean.parseBoolean(env.getOptions().get(UPDATE_OPTION));
    }

    /** The source file of {@code element} through javac's tree API; null where that API is unavailable (other compilers, wrapped environments). */
    private static URI sourceFile(ProcessingEnvironment env, Element element) {
        try {
            TreePath path = Trees.instance(env).getPath(element);
            return path == null ? null : path.getCompilationUnit().getSourceFile().toUri();
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /**
     * The class output directory, asked from the {@link javax.annotation.processing.Filer}. Only a fallback:
     * with an in-memory file manager the probe itself would show up as an (empty) output file.
     */
    private static Path classOutput(ProcessingEnvironment env) {
        try {
            FileObject probe = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", FILE_NAME);
            URI uri = probe.toUri();
            return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Maven's and Gradle's {@code src/test/java}, {@code target/test-classes}, {@code build/classes/java/test}. */
    private static boolean isTest(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("test") || name.equals("test-classes")) {
                return true;
            }
        }
        return false;
    }
}
