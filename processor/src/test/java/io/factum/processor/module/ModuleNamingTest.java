package io.factum.processor.module;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleNamingTest {

    @Test
    void commonPackageOfSeveral() {
        assertThat(ModuleNaming.byDefault(List.of("com.acme.ordering.events", "com.acme.ordering", "com.acme.ordering.domain")))
                .isEqualTo(ClassName.get("com.acme.ordering", "OrderingFactumModule"));
    }

    @Test
    void segmentsAreComparedWholeNotByCharacters() {
        assertThat(ModuleNaming.byDefault(List.of("com.acme.order", "com.acme.orders")))
                .isEqualTo(ClassName.get("com.acme", "AcmeFactumModule"));
    }

    @Test
    void nothingInCommonMeansTheUnnamedPackage() {
        assertThat(ModuleNaming.byDefault(List.of("com.acme", "org.other")))
                .isEqualTo(ClassName.get("", "GeneratedFactumModule"));
    }

    @Test
    void optionValues() {
        assertThat(ModuleNaming.isValidOption("com.acme.Wiring")).isTrue();
        assertThat(ModuleNaming.isValidOption("com.acme.")).isFalse();
        assertThat(ModuleNaming.isValidOption("com.acme.class")).isFalse();
        assertThat(ModuleNaming.fromOption("com.acme.wiring")).isEqualTo(ClassName.get("com.acme", "wiring"));
        assertThat(ModuleNaming.fromOption("Wiring")).isEqualTo(ClassName.get("", "Wiring"));
    }
}
