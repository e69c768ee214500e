package io.factum.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs after maven-invoker-plugin built the README project (a second surefire execution in the verify phase):
 * the build passing is not enough, since surefire 2.x passes a JUnit 5 project without running a test.
 */
@EnabledIfSystemProperty(named = "readme.project", matches = ".+", disabledReason = "runs only in the check-built-readme-project execution")
class BuiltReadmeProjectCheck {

    private static final Pattern SUITE = Pattern.compile(
            "<testsuite\\b[^>]*\\btests=\"(\\d+)\"[^>]*>", Pattern.DOTALL);

    private final Path project = Path.of(System.getProperty("readme.project"));
    private final Path springProject = Path.of(System.getProperty("spring.project"));

    @Test
    void theSpringBootProjectOfTheDocsStartedAndPassedItsTest() throws IOException {
        assertPassed(springProject.resolve("target/surefire-reports/TEST-" + ReadmeProjectWriter.PACKAGE
                + ".OrdersApplicationTest.xml"), "the Spring Boot project of docs/spring-boot.md");
        assertThat(springProject.resolve("target/generated-sources/annotations/com/example/orders/ConfirmationsSubscribers.java"))
                .as("the processor generated the registration of the @Subscribe bean").exists();
    }

    private static void assertPassed(Path report, String what) throws IOException {
        assertThat(report).as("surefire report of %s", what).exists();
        String xml = Files.readString(report);
        Matcher suite = SUITE.matcher(xml);
        assertThat(suite.find()).as("a <testsuite> in %s", report).isTrue();
        assertThat(Integer.parseInt(suite.group(1))).as("tests run for %s", what).isPositive();
        assertThat(suite.group()).as(what).contains("failures=\"0\"").contains("errors=\"0\"").contains("skipped=\"0\"");
    }

    @Test
    void everyHarnessTestRanAndPassed() throws IOException {
        for (String snippet : ReadmeProjectWriter.JAVA_SNIPPETS) {
            if (!Files.exists(project.resolve("src/test/java/com/example/orders/" + ReadmeProjectWriter.testClassName(snippet) + ".java"))) {
                continue; // a snippet of types only
            }
            Path report = project.resolve("target/surefire-reports/TEST-" + ReadmeProjectWriter.PACKAGE + "."
                    + ReadmeProjectWriter.testClassName(snippet) + ".xml");
            assertPassed(report, "the README project's test for snippet \"" + snippet + "\"");
        }
    }

    @Test
    void theHarnessCoversTheStatementSnippets() {
        assertThat(project.resolve("src/test/java/com/example/orders"))
                .isDirectoryContaining("glob:**/RepositorySnippetTest.java")
                .isDirectoryContaining("glob:**/NotificationsSnippetTest.java")
                .isDirectoryContaining("glob:**/AsyncBusSnippetTest.java")
                .isDirectoryContaining("glob:**/FixtureSnippetTest.java");
    }

    @Test
    void theProcessorGeneratedCodeAndWroteTheMainSchemaLockOnly() throws IOException {
        assertThat(project.resolve("target/generated-sources/annotations/com/example/orders/OrderAggregateType.java")).exists();
        Path lock = project.resolve("factum-schema.lock");
        assertThat(lock).as("the README says the first compile writes factum-schema.lock next to pom.xml").exists();
        assertThat(Files.readString(lock))
                .contains("event OrderCreated v1", "event OrderItemAdded v1", "event OrderConfirmed v1", "event OrderCancelled v1")
                .contains("class com.example.orders.OrderCreated");
        assertThat(project.resolve("factum-schema-test.lock"))
                .as("the README says a project without test events has no factum-schema-test.lock").doesNotExist();
    }
}
