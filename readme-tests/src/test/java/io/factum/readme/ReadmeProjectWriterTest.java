package io.factum.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeProjectWriterTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** The real README.md of this repository: the same file the build step reads. */
    private static ReadmeSnippets realReadme() throws IOException {
        return ReadmeSnippets.parse(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8), "README.md");
    }

    @Test
    void theRealReadmeGivesEveryFileOfTheProject() throws IOException {
        Map<Path, String> files = new ReadmeProjectWriter(realReadme(), VERSION, ReadmeProjectWriter.classpathTemplates()).render();

        assertThat(files.keySet()).extracting(Path::toString).contains(
                "pom.xml",
                "src/main/java/com/example/orders/OrderEvent.java",
                "src/main/java/com/example/orders/OrderCancelled.java",
                "src/main/java/com/example/orders/Order.java",
                "src/main/java/com/example/orders/OrderStatus.java",
                "src/main/java/com/example/orders/Notifications.java",
                "src/test/java/com/example/orders/RepositorySnippetTest.java",
                "src/test/java/com/example/orders/NotificationsSnippetTest.java",
                "src/test/java/com/example/orders/AsyncBusSnippetTest.java",
                "src/test/java/com/example/orders/FixtureSnippetTest.java");
        String order = files.get(Path.of("src/main/java/com/example/orders/Order.java"));
        assertThat(order).startsWith("package com.example.orders;\n\nimport io.factum.aggregate.AggregateRoot;\n");
        String test = files.get(Path.of("src/test/java/com/example/orders/FixtureSnippetTest.java"));
        assertThat(test).contains("import io.factum.testing.AggregateFixture;\n")
                .contains("        AggregateFixture.of(OrderAggregateType.INSTANCE)\n")
                .doesNotContain(ReadmeProjectWriter.STATEMENTS_LINE, ReadmeProjectWriter.IMPORTS_LINE);
    }

    @Test
    void aReadmeWithoutTheOrderSnippetFailsNamingIt() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8)
                .replace("<!-- readme-test: order -->", "");
        ReadmeProjectWriter writer = new ReadmeProjectWriter(ReadmeSnippets.parse(readme, "README.md"), VERSION,
                ReadmeProjectWriter.classpathTemplates());

        assertThatThrownBy(writer::render)
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageStartingWith("README.md has no snippet \"order\"");
    }

    @Test
    void theBuildStepFailsNamingTheSnippetAndWritesNothing(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# A README that lost its setup\n");
        Path project = dir.resolve("project");

        assertThatThrownBy(() -> WriteReadmeProject.main(new String[] {readme.toString(), project.toString(), VERSION}))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage(readme + " has no snippet \"pom\": the README build test needs a ```xml block right after"
                        + " a line '<!-- readme-test: pom -->' (the file has no snippet markers at all)");
        assertThat(project).doesNotExist();
    }

    @Test
    void anotherFactumVersionInTheSetupIsRefused() throws IOException {
        ReadmeProjectWriter writer = new ReadmeProjectWriter(realReadme(), "9.9.9", ReadmeProjectWriter.classpathTemplates());

        assertThatThrownBy(writer::render)
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageContaining("snippet \"pom\"")
                .hasMessageEndingWith("names Factum 0.1.0-SNAPSHOT, but this build is 9.9.9; update the README");
    }

    @Test
    void statementsWithoutAHarnessAreRefused() throws IOException {
        ReadmeProjectWriter writer = new ReadmeProjectWriter(realReadme(), VERSION,
                name -> name.equals("FixtureSnippetTest.java") ? null : ReadmeProjectWriter.classpathTemplates().load(name));

        assertThatThrownBy(writer::render)
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageStartingWith("snippet \"fixture\" (README line ")
                .hasMessageEndingWith("has statements outside a type, but the README test has no harness to run them in;"
                        + " add harness/FixtureSnippetTest.java");
    }

    @Test
    void aHarnessWhoseSnippetLostItsStatementsIsRefused() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("<!-- readme-test: fixture -->");
        int end = readme.indexOf("```\n", readme.indexOf("```java", start) + 7) + 4;
        String cut = readme.substring(0, start) + "<!-- readme-test: fixture -->\n```java\nimport a.B;\n```\n" + readme.substring(end);
        ReadmeProjectWriter writer = new ReadmeProjectWriter(ReadmeSnippets.parse(cut, "README.md"), VERSION,
                ReadmeProjectWriter.classpathTemplates());

        assertThatThrownBy(writer::render)
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageContaining("snippet \"fixture\"")
                .hasMessageEndingWith("the snippet lost its example code");
    }

    @Test
    void testClassNamesAreCamelCase() {
        assertThat(ReadmeProjectWriter.testClassName("async-bus")).isEqualTo("AsyncBusSnippetTest");
        assertThat(ReadmeProjectWriter.testClassName("fixture")).isEqualTo("FixtureSnippetTest");
    }
}
