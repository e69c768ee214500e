package io.factum.processor.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.factum.processor.subscriber.RouterSources;
import io.factum.processor.upcast.UpcastSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
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
     * A mistake stops javac's rounds after the one that reported it; the module must not be left for that last round,
     * where javac warns that the file "will not be subject to annotation processing" (an error more under -Werror).
     */
    @Test
    void aMistakeInAStrictBuildIsOneErrorAndNoWarning() {
        JavaFileObject placed = JavaFileObjects.forSourceLines("com.acme.shop.OrderPlaced",
                "package com.acme.shop;",
                "@io.factum.annotation.Event",
                "public record OrderPlaced(String orderId, Thread unsupported) {}");
        JavaFileObject shipped = JavaFileObjects.forSourceLines("com.acme.shop.OrderShipped",
                "package com.acme.shop;",
                "@io.factum.annotation.Event",
                "public record OrderShipped(String orderId) {}");

        Units.Unit unit = Units.compile(dir.resolve("app"), List.of(), options(), List.of(placed, shipped));

        assertThat(unit.success()).isFalse();
        assertThat(unit.warnings()).isEmpty();
        assertThat(unit.located(Diagnostic.Kind.ERROR)).singleElement().asString().startsWith("3: [Factum/UnsupportedType]");
    }

    /** Strict, without the schema lock (whose file these tests have no project for). */
    private static List<String> options() {
        List<String> options = new ArrayList<>(Units.STRICT);
        options.add("-Afactum.schemaLock=off");
        return options;
    }
}
