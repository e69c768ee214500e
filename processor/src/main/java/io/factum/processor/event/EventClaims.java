package io.factum.processor.event;

import com.palantir.javapoet.ClassName;
import io.factum.processor.base.ClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * How compilation units find each other's stored names: with its module, each unit writes one resource per
 * event, {@code factum-event.<stored name>.v<version>}, naming the record and the module. A unit that has
 * another on its class path looks its own events up there, so two records stored the same way are a compile
 * error of the second unit instead of a failure when the registry is loaded.
 *
 * <p>The resources sit at the root of the output: javac finds nothing in a jar's {@code META-INF} (it indexes
 * only directories named like packages), and a directory named like a package would be a package of every
 * jar that has one, which the module system refuses when two modules share it.
 */
public final class EventClaims {

    private static final String PREFIX = "factum-event.";

    /**
     * An event of another compilation unit.
     *
     * @param recordClass the record, by qualified name
     * @param moduleClass the module that registers it, by qualified name
     */
    public record Claim(String recordClass, String moduleClass) {}

    private EventClaims() {}

    /**
     * The claim of another unit on the class path to {@code event}'s stored name and version, or null. A claim is
     * believed only while the record it names is on the class path and still stored that way: a unit rebuilt
     * without clean (an IDE's build, plain javac) keeps the claims of records it renamed or deleted since.
     */
    static Claim onClassPath(ClassPath classPath, Elements elements, EventModel event) {
        FileObject file = classPath.find("", path(event));
        if (file == null) {
            return null;
        }
        List<String> lines = ClassPath.read(file).lines().toList();
        if (lines.size() < 2) {
            return null;
        }
        TypeElement record = elements.getTypeElement(lines.get(0));
        EventModel claimed = record == null ? null : EventModel.identityOf(record);
        return claimed != null && claimed.storedName().equals(event.storedName()) && claimed.version() == event.version()
                ? new Claim(lines.get(0), lines.get(1))
                : null;
    }

    /** Writes the claims of the unit's events, registered by {@code module}. */
    public static void write(Filer filer, List<EventModel> events, ClassName module, Element... originating) {
        for (EventModel event : events) {
            String path = path(event);
            try (Writer writer = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originating).openWriter()) {
                writer.write(event.recordClass().canonicalName() + "\n" + module.canonicalName() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + path, e);
            }
        }
    }

    private static String path(EventModel event) {
        return PREFIX + event.storedName() + ".v" + event.version();
    }
}
