package io.factum.processor.base;

import java.io.IOException;
import java.io.InputStream;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Files that other compilation units put on the class path (their modules, the stored names of their
 * events), leaving out this unit's own output of an earlier build: a rebuild without {@code clean} has
 * the output directory on the class path too, and must not clash with itself.
 */
public final class ClassPath {

    /** A file every unit with events writes to its class output; its location tells where that output is. */
    private static final String PROBE = "META-INF/services/" + RuntimeTypes.FACTUM_MODULE.canonicalName();

    private final Filer filer;
    private String outputRoot;

    public ClassPath(Filer filer) {
        this.filer = filer;
    }

    /**
     * The file {@code relativeName} of package {@code pkg} on the class path, or null if there is none or it
     * is this unit's own output (javac finds the first one on the path, as the class loader will).
     */
    public FileObject find(String pkg, String relativeName) {
        FileObject file = lookUp(pkg, relativeName);
        return file == null || isOwnOutput(file) ? null : file;
    }

    /** Whether the first {@code relativeName} of package {@code pkg} on the class path is this unit's own output. */
    public boolean isOwnOutput(String pkg, String relativeName) {
        FileObject file = lookUp(pkg, relativeName);
        return file != null && isOwnOutput(file);
    }

    private FileObject lookUp(String pkg, String relativeName) {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_PATH, pkg, relativeName);
            try (InputStream in = file.openInputStream()) {
                in.read();
            }
            return file;
        } catch (IOException | IllegalArgumentException e) {
            return null; // not there (javac throws, or gives a file that does not exist)
        }
    }

    /** The text of {@code file}, UTF-8. */
    public static String read(FileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private boolean isOwnOutput(FileObject file) {
        if (outputRoot == null) {
            try {
                String probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PROBE).toUri().toString();
                outputRoot = probe.substring(0, probe.length() - PROBE.length());
            } catch (IOException | IllegalArgumentException e) {
                outputRoot = "";
            }
        }
        return !outputRoot.isEmpty() && file.toUri().toString().startsWith(outputRoot);
    }
}
