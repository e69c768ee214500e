package io.factum.processor.aggregate;

import io.factum.processor.Compilations;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A snapshotting aggregate in {@code test.snap}: {@code Counter}, with a nested record and an enum in its snapshot.
 * {@link #sources(String)} takes the body of its {@code @Apply} method for {@code Added}, so a test can compile
 * two versions of the aggregate that differ only there.
 */
final class SnapshotDomain {

    static final String ADD = "total += e.amount(); notes.add(new Note(e.note(), e.amount())); "
            + "level = total > 100 ? Level.HIGH : Level.LOW;";

    private SnapshotDomain() {}

    static List<JavaFileObject> sources(String addBody) {
        return sources(addBody, 1);
    }

    static List<JavaFileObject> sources(String addBody, int snapshotVersion) {
        return List.of(
                Compilations.source("test.snap.CounterEvent", "package test.snap;",
                        "public sealed interface CounterEvent permits Opened, Added {}"),
                Compilations.source("test.snap.Opened", "package test.snap;",
                        "@io.factum.annotation.Event public record Opened(String id, String owner) implements CounterEvent {}"),
                Compilations.source("test.snap.Added", "package test.snap;",
                        "@io.factum.annotation.Event public record Added(int amount, String note) implements CounterEvent {}"),
                Compilations.source("test.snap.Level", "package test.snap;", "public enum Level { LOW, HIGH }"),
                Compilations.source("test.snap.Note", "package test.snap;", "public record Note(String text, int amount) {}"),
                Compilations.source("test.snap.CounterSnapshot", "package test.snap;",
                        "import java.util.List;",
                        "public record CounterSnapshot(String id, String owner, long total, List<Note> notes, Level level) {}"),
                Compilations.source("test.snap.Counter", "package test.snap;",
                        "import io.factum.aggregate.AggregateRoot;",
                        "import io.factum.annotation.Aggregate;",
                        "import io.factum.annotation.Apply;",
                        "import java.util.ArrayList;",
                        "import java.util.List;",
                        "",
                        "@Aggregate(snapshot = CounterSnapshot.class, snapshotVersion = " + snapshotVersion + ")",
                        "public class Counter extends AggregateRoot<CounterEvent> {",
                        "    private String id;",
                        "    private String owner;",
                        "    private long total;",
                        "    private final List<Note> notes = new ArrayList<>();",
                        "    private Level level = Level.LOW;",
                        "",
                        "    public Counter() {}",
                        "",
                        "    Counter(CounterSnapshot snapshot) {",
                        "        id = snapshot.id();",
                        "        owner = snapshot.owner();",
                        "        total = snapshot.total();",
                        "        notes.addAll(snapshot.notes());",
                        "        level = snapshot.level();",
                        "    }",
                        "",
                        "    @Override public String id() { return id; }",
                        "",
                        "    public void open(String id, String owner) { record(new Opened(id, owner)); }",
                        "",
                        "    public void add(int amount, String note) {",
                        "        if (level == Level.HIGH && amount > 50) {",
                        "            throw new IllegalStateException(\"too much\");",
                        "        }",
                        "        record(new Added(amount, note));",
                        "    }",
                        "",
                        "    @Apply void on(Opened e) { id = e.id(); owner = e.owner(); }",
                        "",
                        "    @Apply void on(Added e) { " + addBody + " }",
                        "",
                        "    CounterSnapshot snapshot() { return new CounterSnapshot(id, owner, total, List.copyOf(notes), level); }",
                        "",
                        "    @Override public String toString() { return id + \"/\" + owner + \"/\" + total + \"/\" + notes + \"/\" + level; }",
                        "}"));
    }
}
