package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.ReflectionScanner;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** factum-micrometer's main code uses no reflection (the runtime's scanner, from its test jar). */
class NoReflectionTest {

    @Test
    void mainSourcesUseNoReflection() {
        Path mainSources = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("src/main/java");
        ReflectionScanner.Report report = ReflectionScanner.scan(mainSources);
        assertThat(report.filesScanned()).isGreaterThanOrEqualTo(8);
        assertThat(report.violations())
                .withFailMessage(() -> "Reflection in micrometer/src/main/java:\n" + report.violations().stream()
                        .map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
