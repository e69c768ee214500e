package io.factum.processor.units;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.processor.Compilations;
import io.factum.processor.subscriber.RouterSources;
import io.factum.processor.upcast.UpcastSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's strict build ({@code -Xlint:all -Werror}) of every kind of Factum element passes: Factum adds no warning. */
class StrictBuildTest {

    @TempDir
    Path dir;

    @Test
    void eventsAggregatesHandlersAndRoutersBuildWithoutAWarning() {
        Units.Unit unit = Units.compile(dir.resolve("app"), List.of(), options(), RouterSources.sources());

        assertThat(unit.diagnostics()).isEmpty();
        assertThat(unit.success()).isTrue();
    }

    @Test
    void versionedEventsAndUpcastersBuildWithoutAWarning() {
        Units.Unit unit = Units.compile(dir.resolve("app"), List.of(), options(),
                List.of(UpcastSources.V1, UpcastSources.V2, UpcastSources.V3, UpcastSources.UPCASTS));

        assertThat(unit.diagnostics()).isEmpty();
        assertThat(unit.success()).isTrue();
    }

    /**
     * One mistake, one diagnostic, in a strict build too: the stand-in of a bad aggregate makes javac run one more
     * (its last) round, and a module written there would add javac's "created in the last round" warning, which
     * -Werror turns into two more diagnostics.
     */
    @Test
    void anAggregateMissingAnApplyMethodIsOneDiagnosticUnderWerror() {
        Units.Unit unit = Units.compile(dir.resolve("app"), List.of(), options(), List.of(
                Compilations.source("test.Happened", "package test;",
                        "public sealed interface Happened permits Opened, Closed {}"),
                Compilations.source("test.Opened", "package test;",
                        "@io.factum.annotation.Event public record Opened(String id) implements Happened {}"),
                Compilations.source("test.Closed", "package test;",
                        "@io.factum.annotation.Event public record Closed(String id) implements Happened {}"),
                Compilations.source("test.Door", "package test;",
                        "@io.factum.annotation.Aggregate",
                        "public class Door extends io.factum.aggregate.AggregateRoot<Happened> {",
                        "    public String id() { return null; }",
                        "    @io.factum.annotation.Apply void on(Opened e) {}",
                        "}")));

        assertThat(unit.diagnostics()).as("diagnostics").singleElement()
                .satisfies(d -> assertThat(d.getMessage(Locale.ROOT)).startsWith("[Factum/ApplyMissing]"));
        assertThat(unit.success()).isFalse();
    }

    /** Strict, without the schema lock (whose file these tests have no project for). */
    private static List<String> options() {
        List<String> options = new ArrayList<>(Units.STRICT);
        options.add("-Afactum.schemaLock=off");
        return options;
    }
}
