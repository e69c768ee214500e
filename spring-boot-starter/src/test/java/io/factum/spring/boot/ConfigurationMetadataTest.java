package io.factum.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configuration processor wrote metadata for IDE completion, with descriptions and defaults. */
class ConfigurationMetadataTest {

    @Test
    void everyFactumPropertyIsDescribedWithItsDefault() throws Exception {
        String json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        tools.jackson.databind.JsonNode properties = new tools.jackson.databind.ObjectMapper().readTree(json).get("properties");
        java.util.Map<String, tools.jackson.databind.JsonNode> byName = new java.util.TreeMap<>();
        properties.forEach(property -> byName.put(property.get("name").asString(), property));
        assertThat(byName).containsKeys("factum.store.type", "factum.store.table-prefix", "factum.store.group-commit",
                "factum.store.create-schema", "factum.bus.type", "factum.bus.queue-capacity", "factum.bus.timed",
                "factum.health.failed-status", "factum.health.parked-status", "factum.subscriptions.mode",
                "factum.subscriptions.lease-duration", "factum.subscriptions.instance-id");
        assertThat(byName.get("factum.store.table-prefix").get("defaultValue").asString()).isEqualTo("factum_");
        assertThat(byName.get("factum.store.type").get("defaultValue").asString()).isEqualTo("auto");
        assertThat(byName.get("factum.subscriptions.mode").get("defaultValue").asString()).isEqualTo("auto");
        assertThat(byName.get("factum.bus.timed").get("defaultValue").asBoolean()).isFalse();
        assertThat(byName.values()).filteredOn(p -> p.get("name").asString().startsWith("factum."))
                .allSatisfy(p -> assertThat(p.get("description")).isNotNull());
    }
}
