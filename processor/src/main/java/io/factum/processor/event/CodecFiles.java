package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.ClassPath;
import io.factum.processor.base.GeneratedCode;
import io.factum.processor.base.GeneratedNames;
import io.factum.processor.base.Reporter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/** The codecs of a compilation: which exist already (this compilation or the class path), and writing the others. */
final class CodecFiles {

    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final CodecGenerator generator = new CodecGenerator();
    /** Codecs written by this compilation. */
    private final Set<ClassName> written = new HashSet<>();
    private final ClassPath classPath;

    CodecFiles(ProcessingEnvironment env, Reporter reporter, ClassPath classPath) {
        this.env = env;
        this.reporter = reporter;
        this.classPath = classPath;
    }

    /**
     * A codec from an earlier round of this compilation or from the class path (another unit's): such a record
     * is trusted. This unit's own codec of an earlier build does not count: its record may have changed since.
     */
    boolean exists(TypeElement record) {
        return exists(GeneratedNames.codecOf(ClassName.get(record)));
    }

    /** Writes each codec that does not exist yet; one that cannot be written is reported, and the others go on. */
    void write(TypeElement event, Iterable<RecordCodecModel> codecs) {
        for (RecordCodecModel codec : codecs) {
            if (exists(codec.codecClass())) {
                continue;
            }
            written.add(codec.codecClass());
            TypeElement origin = env.getElementUtils().getTypeElement(codec.recordClass().canonicalName());
            try {
                GeneratedCode.write(env.getFiler(), generator.generate(codec), origin != null ? origin : event);
            } catch (UncheckedIOException e) {
                reporter.internalError(origin, e);
            }
        }
    }

    private boolean exists(ClassName codec) {
        return written.contains(codec) || (env.getElementUtils().getTypeElement(codec.canonicalName()) != null
                && !classPath.isOwnOutput(codec.packageName(), String.join("$", codec.simpleNames()) + ".class"));
    }
}
