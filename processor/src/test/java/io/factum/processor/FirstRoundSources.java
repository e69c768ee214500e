package io.factum.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A stand-in for another code generator: writes the given sources in the first round, so Factum sees
 * elements that refer to types which do not exist yet and must defer them.
 */
public final class FirstRoundSources extends AbstractProcessor {
    private final Map<String, String> sources;
    private boolean written;

    /** @param sources source text by qualified class name */
    public FirstRoundSources(Map<String, String> sources) {
        this.sources = new TreeMap<>(sources);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written) {
            return false;
        }
        written = true;
        sources.forEach((name, source) -> {
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return false;
    }
}
