package io.factum.processor.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the shape a (name, version) had when it was locked with its shape in the code, and lists
 * the changes that stored events could not be read with. Adding a property that may be absent,
 * adding enum constants, and making a property {@code @Nullable} are compatible and not listed.
 */
final class SchemaDiff {

    enum Kind { REMOVED, RENAMED, TYPE_CHANGED, ENUM_CONSTANTS_REMOVED, REQUIRED_ADDED, PERSONAL_CHANGED }

    /**
     * One incompatible change.
     *
     * @param path   the property in the lock ({@code lines[].sku})
     * @param before the locked type; for a rename the locked path
     * @param after  the type in the code; for a rename the new path; for removed enum constants, the constants lost
     */
    record Change(Kind kind, String path, String before, String after) {

        /** The record component the change is about, where the error is reported. */
        String component() {
            return EventSchema.componentOf(kind == Kind.RENAMED ? after : path);
        }
    }

    private SchemaDiff() {}

    /** The incompatible changes from {@code locked} to {@code current}, outermost first; nested fallout is left out. */
    static List<Change> incompatibleChanges(EventSchema locked, EventSchema current) {
        Map<String, Property> before = locked.properties();
        Map<String, Property> after = current.properties();
        Set<String> removed = new LinkedHashSet<>(before.keySet());
        removed.removeAll(after.keySet());
        Set<String> added = new LinkedHashSet<>(after.keySet());
        added.removeAll(before.keySet());

        List<Change> changes = new ArrayList<>();
        for (String path : List.copyOf(removed)) {
            String renamedTo = renameOf(path, removed, added, before, after);
            if (renamedTo != null) {
                removed.remove(path);
                added.remove(renamedTo);
                changes.add(new Change(Kind.RENAMED, path, path, renamedTo));
            }
        }
        for (String path : removed) {
            changes.add(new Change(Kind.REMOVED, path, before.get(path).render(), null));
        }
        for (Map.Entry<String, Property> entry : before.entrySet()) {
            Property now = after.get(entry.getKey());
            if (now != null) {
                Change change = compare(entry.getKey(), entry.getValue(), now);
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        for (String path : added) {
            if (!after.get(path).mayBeAbsent() && !hasAncestorIn(path, added)) {
                changes.add(new Change(Kind.REQUIRED_ADDED, path, null, after.get(path).render()));
            }
        }

        // A property under a changed, removed or renamed one is not news: report the outermost change only.
        Set<String> changed = new TreeSet<>();
        for (Change change : changes) {
            changed.add(change.path());
            if (change.kind() == Kind.RENAMED) {
                changed.add(change.after());
            }
        }
        List<Change> outermost = new ArrayList<>();
        for (Change change : changes) {
            if (!hasAncestorIn(change.path(), changed)) {
                outermost.add(change);
            }
        }
        outermost.sort((a, b) -> a.path().compareTo(b.path()));
        return outermost;
    }

    private static Change compare(String path, Property locked, Property current) {
        if (locked.personal() != current.personal()) {
            // stored values are sealed or plain: the other codec cannot read them, whatever the type
            return new Change(Kind.PERSONAL_CHANGED, path, locked.render(), current.render());
        }
        if (locked.isEnum() && current.isEnum()) {
            SortedSet<String> lost = new TreeSet<>(locked.enumConstants());
            lost.removeAll(current.enumConstants());
            if (!lost.isEmpty()) {
                return new Change(Kind.ENUM_CONSTANTS_REMOVED, path, locked.render(), String.join(", ", lost));
            }
        } else if (!locked.type().equals(current.type())) {
            return new Change(Kind.TYPE_CHANGED, path, locked.render(), current.render());
        }
        if (locked.nullable() && !current.nullable()) {
            return new Change(Kind.TYPE_CHANGED, path, locked.render(), current.render());
        }
        return null;
    }

    /**
     * The added sibling that {@code path} was most likely renamed to: the only new property under the same
     * parent with the same shape, when no other removed sibling has that shape too. Null if unclear.
     */
    private static String renameOf(String path, Set<String> removed, Set<String> added,
                                   Map<String, Property> before, Map<String, Property> after) {
        Property shape = before.get(path);
        String parent = EventSchema.parentOf(path);
        String candidate = null;
        for (String newPath : added) {
            if (Objects.equals(EventSchema.parentOf(newPath), parent) && after.get(newPath).sameShape(shape)) {
                if (candidate != null) {
                    return null;
                }
                candidate = newPath;
            }
        }
        for (String other : removed) {
            if (!other.equals(path) && Objects.equals(EventSchema.parentOf(other), parent) && before.get(other).sameShape(shape)) {
                return null;
            }
        }
        return candidate;
    }

    private static boolean hasAncestorIn(String path, Set<String> paths) {
        for (String parent = EventSchema.parentOf(path); parent != null; parent = EventSchema.parentOf(parent)) {
            if (paths.contains(parent)) {
                return true;
            }
        }
        return false;
    }
}
