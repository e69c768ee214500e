package io.factum.processor.schema;

import io.factum.processor.base.Message;
import io.factum.processor.base.Reporter;
import io.factum.processor.base.ValidationReport;
import io.factum.processor.event.EventModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks every {@code @Event} record of the compilation against the event schema lock and writes the
 * updated lock.
 *
 * <p>Only what this compilation can judge is changed: entries of events that it does not see (an
 * incremental build that recompiles some sources only) are kept as they are. An entry whose record class
 * no longer exists at all is kept too, with a warning: stored events still refer to it.
 */
final class SchemaLockStep {

    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final Elements elements;

    SchemaLockStep(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.reporter = reporter;
        this.elements = env.getElementUtils();
    }

    /**
     * @param records  the {@code @Event} records compiled from source in this compilation
     * @param versions every known version of each stored name (stored name → version → record class)
     */
    void finish(List<TypeElement> records, Map<String, NavigableMap<Integer, String>> versions) {
        if (records.isEmpty()) {
            return; // no event compiled here: nothing to check, and no source to find the project by
        }
        Path file = LockLocation.resolve(env, records.get(0));
        if (file == null) {
            return;
        }
        String lockName = file.getFileName().toString();
        Map<EventSchema.Key, EventSchema> locked;
        try {
            locked = Files.exists(file) ? SchemaLockFile.parse(Files.readAllLines(file, StandardCharsets.UTF_8)) : Map.of();
        } catch (IOException | IllegalArgumentException e) {
            reporter.print(null, Message.SCHEMA_LOCK_UNREADABLE, file, e.getMessage());
            return;
        }
        boolean update = LockLocation.updateRequested(env);
        ValidationReport.Builder report = ValidationReport.about(null);

        SchemaReader reader = new SchemaReader(elements, env.getTypeUtils());
        Map<EventSchema.Key, EventSchema> current = new TreeMap<>(EventSchema.Key.ORDER);
        Map<String, TypeElement> recordByClass = new HashMap<>();
        Map<String, EventSchema.Key> keyByClass = new HashMap<>();
        for (TypeElement record : records) {
            EventModel identity = EventModel.identityOf(record);
            EventSchema schema = reader.read(record, identity);
            if (current.putIfAbsent(schema.key(), schema) == null) { // a duplicate (name, version) is the event step's error
                recordByClass.put(schema.className(), record);
                keyByClass.put(schema.className(), schema.key());
            }
        }

        Map<EventSchema.Key, EventSchema> next = new TreeMap<>(EventSchema.Key.ORDER);
        for (EventSchema old : locked.values()) {
            EventSchema now = current.get(old.key());
            if (now != null) {
                if (!update) {
                    reportChanges(recordByClass.get(now.className()), old, now, versions, lockName, report);
                }
            } else if (!update || !judgeable(old, keyByClass)) {
                next.put(old.key(), old); // kept unless deliberately dropped
                checkUndeclared(old, locked, current, keyByClass, recordByClass, versions, lockName, report);
            }
        }
        next.putAll(current);

        // Nothing to lock (a compilation of handlers or tests without events) creates no file.
        boolean nothingToLock = next.isEmpty() && !Files.exists(file);
        reporter.print(report.build());
        if (reporter.errorCount() == 0 && !nothingToLock) { // no error anywhere in the compilation, this check's included
            write(file, SchemaLockFile.format(next.values()));
        }
    }

    /** Whether this compilation can tell that the entry's event is gone: its class is compiled here, or exists nowhere. */
    private boolean judgeable(EventSchema old, Map<String, EventSchema.Key> keyByClass) {
        return keyByClass.containsKey(old.className()) || elements.getTypeElement(old.className()) == null;
    }

    /** A locked (name, version) that no record of this compilation declares. */
    private void checkUndeclared(EventSchema old, Map<EventSchema.Key, EventSchema> locked, Map<EventSchema.Key, EventSchema> current,
                                 Map<String, EventSchema.Key> keyByClass, Map<String, TypeElement> recordByClass,
                                 Map<String, NavigableMap<Integer, String>> versions, String lockName,
                                 ValidationReport.Builder report) {
        EventSchema.Key now = keyByClass.get(old.className());
        if (now != null) {
            // Its class is compiled here but declares another name or version now.
            report.add(recordByClass.get(old.className()), Message.SCHEMA_NAME_CHANGED, simpleName(old.className()),
                    old.storedName(), old.version(), lockName, now.storedName(), now.version());
            return;
        }
        if (elements.getTypeElement(old.className()) != null) {
            return; // not part of this (incremental) compilation: nothing to judge
        }
        NavigableMap<Integer, String> known = versions.get(old.storedName());
        if (known != null && known.lastKey() < old.version()) {
            TypeElement highest = elements.getTypeElement(known.lastEntry().getValue());
            if (highest != null) {
                report.add(highest, Message.CURRENT_VERSION_MISSING, lockName, old.storedName(), old.version(),
                        old.className(), known.lastKey());
                return;
            }
        }
        EventSchema renamed = newEventOfSameShape(old, locked, current);
        if (renamed != null) {
            TypeElement record = recordByClass.get(renamed.className());
            report.add(record, Message.SCHEMA_RENAMED_WITH_CLASS, record.getSimpleName(), old.storedName(), old.version(),
                    lockName, old.className(), old.key().label());
            return;
        }
        report.addGlobal(Message.SCHEMA_EVENT_REMOVED, lockName, old.storedName(), old.version(), old.className());
    }

    /**
     * An event of this compilation that the lock does not know yet, with exactly the shape of {@code gone}
     * (whose class no longer exists): most likely the same record, renamed along with its stored name.
     */
    private static EventSchema newEventOfSameShape(EventSchema gone, Map<EventSchema.Key, EventSchema> locked,
                                                   Map<EventSchema.Key, EventSchema> current) {
        for (EventSchema candidate : current.values()) {
            if (!locked.containsKey(candidate.key()) && candidate.version() == gone.version()
                    && sameShape(candidate.properties(), gone.properties())) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean sameShape(Map<String, Property> a, Map<String, Property> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Property> entry : a.entrySet()) {
            if (!entry.getValue().sameShape(b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void reportChanges(TypeElement record, EventSchema old, EventSchema now,
                               Map<String, NavigableMap<Integer, String>> versions, String lockName,
                               ValidationReport.Builder report) {
        String recordName = record.getSimpleName().toString();
        String fix = fix(recordName, old, versions);
        for (SchemaDiff.Change change : SchemaDiff.incompatibleChanges(old, now)) {
            Element component = SchemaReader.component(record, change.component());
            Element at = component != null ? component : record;
            switch (change.kind()) {
                case REMOVED -> report.add(at, Message.SCHEMA_COMPONENT_REMOVED, recordName, change.path(), change.before(),
                        lockName, old.storedName(), old.version(), fix);
                case RENAMED -> report.add(at, Message.SCHEMA_COMPONENT_RENAMED, recordName, change.before(), change.after(),
                        lockName, old.storedName(), old.version(), fix);
                case TYPE_CHANGED -> report.add(at, Message.SCHEMA_TYPE_CHANGED, recordName, change.path(), change.before(),
                        change.after(), lockName, old.storedName(), old.version(), fix);
                case ENUM_CONSTANTS_REMOVED -> report.add(at, Message.SCHEMA_ENUM_CONSTANT_REMOVED, recordName, change.path(),
                        change.after(), old.storedName(), old.version(), lockName, fix);
                case PERSONAL_CHANGED -> report.add(at, Message.SCHEMA_PERSONAL_CHANGED, recordName, change.path(),
                        change.before(), change.after(), lockName, old.storedName(), old.version(), fix);
                case REQUIRED_ADDED -> report.add(at, Message.SCHEMA_REQUIRED_ADDED, recordName, change.path(), change.after(),
                        old.storedName(), old.version(), lockName, fix);
            }
        }
    }

    /** How to change a locked shape: as a new version when this is the current one; old versions must not change at all. */
    private static String fix(String recordName, EventSchema old, Map<String, NavigableMap<Integer, String>> versions) {
        NavigableMap<Integer, String> known = versions.get(old.storedName());
        if (known != null && known.lastKey() > old.version()) {
            return "v" + old.version() + " is an old version that stored data is read with, so restore the locked shape"
                    + " (put changes into the current version v" + known.lastKey() + " or a new one)";
        }
        String oldRecord = recordName + "V" + old.version();
        return "To change the shape, keep the locked one as `@Event(name = \"" + old.storedName() + "\", version = "
                + old.version() + ") record " + oldRecord + "(...)`, declare this record as version = " + (old.version() + 1)
                + " and add `@Upcast static " + recordName + " upcast(" + oldRecord + " old)`; if no " + old.storedName()
                + " v" + old.version() + " event was ever stored, accept the change with -Afactum.schemaLock.update=true";
    }

    private void write(Path file, String text) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return; // unchanged: keep the file's timestamp
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            reporter.print(null, Message.SCHEMA_LOCK_UNWRITABLE, file, e);
        }
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
