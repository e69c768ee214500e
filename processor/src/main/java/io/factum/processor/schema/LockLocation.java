package io.factum.processor.schema;

import io.factum.processor.Message;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where the event schema lock lives. Annotation processors are not told the project directory, so by
 * default it is found from the class output directory: the nearest enclosing directory with a build
 * file ({@code pom.xml}, {@code build.gradle}, {@code build.gradle.kts}) is the project, and the lock is
 * {@code factum-schema.lock} there ({@code factum-schema-test.lock} when compiling tests, so test events
 * never mix with the real ones). {@code -Afactum.schemaLock=<path>} overrides it; {@code =off} disables it.
 */
final class LockLocation {

    static final String OPTION = "factum.schemaLock";
    static final String UPDATE_OPTION = "factum.schemaLock.update";
    static final String FILE_NAME = "factum-schema.lock";
    static final String TEST_FILE_NAME = "factum-schema-test.lock";

    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    private LockLocation() {}

    /** The lock file, or null when the lock is off or cannot be placed (a warning says why, unless compiling in memory). */
    static Path resolve(ProcessingEnvironment env) {
        String option = env.getOptions().get(OPTION);
        if (option != null && !option.isBlank()) {
            return option.equalsIgnoreCase("off") ? null : Path.of(option).toAbsolutePath();
        }
        Path classOutput = classOutput(env);
        if (classOutput == null) {
            return null; // compiled in memory (tests, IDE previews): nowhere to keep a lock
        }
        for (Path dir = classOutput; dir != null; dir = dir.getParent()) {
            for (String buildFile : BUILD_FILES) {
                if (Files.isRegularFile(dir.resolve(buildFile))) {
                    return dir.resolve(isTestOutput(dir.relativize(classOutput)) ? TEST_FILE_NAME : FILE_NAME);
                }
            }
        }
        env.getMessager().printMessage(Diagnostic.Kind.WARNING, Message.SCHEMA_LOCK_UNLOCATED.format(classOutput));
        return null;
    }

    /** Whether {@code -Afactum.schemaLock.update=true}: incompatible changes are accepted and locked. */
    static boolean updateRequested(ProcessingEnvironment env) {
        return Boolean.parseBoolean(env.getOptions().get(UPDATE_OPTION));
    }

    private static Path classOutput(ProcessingEnvironment env) {
        try {
            FileObject probe = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", FILE_NAME);
            URI uri = probe.toUri();
            return "file".equals(uri.getScheme()) ? Path.of(uri).getParent() : null;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Maven's {@code target/test-classes}, Gradle's {@code build/classes/java/test}. */
    private static boolean isTestOutput(Path relativeClassOutput) {
        for (Path part : relativeClassOutput) {
            String name = part.toString();
            if (name.equals("test-classes") || name.equals("test")) {
                return true;
            }
        }
        return false;
    }
}
