package io.factum.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringBootProjectWriterTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private static ReadmeSnippets parse(String file) throws IOException {
        return ReadmeSnippets.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
    }

    @Test
    void theRealDocsGiveThePomThePropertiesTheDomainAndTheApplication() throws IOException {
        Map<Path, String> files = new SpringBootProjectWriter(parse("../README.md"), parse("../docs/spring-boot.md"), VERSION,
                ReadmeProjectWriter.classpathTemplates()).render();

        assertThat(files.keySet()).extracting(Path::toString).containsExactlyInAnyOrder(
                "pom.xml",
                "src/main/resources/application.properties",
                "src/main/java/com/example/orders/OrderEvent.java",
                "src/main/java/com/example/orders/OrderCreated.java",
                "src/main/java/com/example/orders/OrderItemAdded.java",
                "src/main/java/com/example/orders/OrderConfirmed.java",
                "src/main/java/com/example/orders/OrderCancelled.java",
                "src/main/java/com/example/orders/OrderStatus.java",
                "src/main/java/com/example/orders/Order.java",
                "src/main/java/com/example/orders/OrdersApplication.java",
                "src/main/java/com/example/orders/OrderController.java",
                "src/main/java/com/example/orders/Confirmations.java",
                "src/main/java/com/example/orders/OrderHistory.java",
                "src/test/java/com/example/orders/OrdersApplicationTest.java");
        assertThat(files.get(Path.of("pom.xml"))).contains("<artifactId>factum-spring-boot-starter</artifactId>");
        assertThat(files.get(Path.of("src/main/resources/application.properties"))).contains("factum.store.table-prefix=");
        assertThat(files.get(Path.of("src/main/java/com/example/orders/OrderController.java")))
                .startsWith("package com.example.orders;\n\nimport io.factum.aggregate.AggregateRepository;\n")
                .contains("@RestController\nclass OrderController {");
    }

    @Test
    void aPageNamingAnotherFactumVersionFailsNamingTheSnippet() throws IOException {
        String page = Files.readString(Path.of("../docs/spring-boot.md"), StandardCharsets.UTF_8)
                .replace("<factum.version>" + VERSION + "</factum.version>", "<factum.version>0.0.9</factum.version>");
        SpringBootProjectWriter writer = new SpringBootProjectWriter(parse("../README.md"),
                ReadmeSnippets.parse(page, "docs/spring-boot.md"), VERSION, ReadmeProjectWriter.classpathTemplates());

        assertThatThrownBy(writer::render).isInstanceOf(ReadmeSnippetException.class)
                .hasMessageContaining("snippet \"spring-pom\"").hasMessageContaining("names Factum 0.0.9");
    }
}
