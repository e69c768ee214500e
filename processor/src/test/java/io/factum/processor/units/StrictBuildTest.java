package io.factum.processor.units;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.processor.subscriber.RouterSources;
import io.factum.processor.upcast.UpcastSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Strict, without the schema lock (whose file these tests have no project for). */
    private static List<String> options() {
        List<String> options = new ArrayList<>(Units.STRICT);
        options.add("-Afactum.schemaLock=off");
        return options;
    }
}
