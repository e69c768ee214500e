package io.factum.readme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the fresh Spring Boot project of {@code docs/spring-boot.md}'s setup: {@code pom.xml} is its
 * {@code spring-pom} snippet verbatim, {@code src/main/resources/application.properties} its
 * {@code spring-properties} snippet, and the main sources are the README's {@code events} and {@code order}
 * snippets (the domain the page builds on) and the page's {@code spring-app} snippet, each top-level type in a
 * file of {@value ReadmeProjectWriter#PACKAGE}. The test that starts the application over HTTP against
 * PostgreSQL is a harness file ({@value #TEST_HARNESS}), copied as it is.
 */
public final class SpringBootProjectWriter {

    /** The README snippets the project takes its domain from. */
    public static final List<String> README_SNIPPETS = List.of("events", "order");

    /** The harness test of the built project, under {@code harness/} on the class path. */
    public static final String TEST_HARNESS = "OrdersApplicationTest.java";

    private final ReadmeSnippets readme;
    private final ReadmeSnippets springBoot;
    private final String factumVersion;
    private final ReadmeProjectWriter.Templates templates;

    public SpringBootProjectWriter(ReadmeSnippets readme, ReadmeSnippets springBoot, String factumVersion,
            ReadmeProjectWriter.Templates templates) {
        this.readme = readme;
        this.springBoot = springBoot;
        this.factumVersion = factumVersion;
        this.templates = templates;
    }

    /** Deletes {@code projectDir} and writes the project there; returns the files written. */
    public List<Path> write(Path projectDir) throws IOException {
        return ReadmeProjectWriter.writeFiles(render(), projectDir);
    }

    /** Every file of the project, relative path to content. */
    Map<Path, String> render() {
        Map<Path, String> files = new LinkedHashMap<>();
        Snippet pom = springBoot.require("spring-pom", "xml");
        ReadmeProjectWriter.checkVersion(pom, ReadmeProjectWriter.POM_FACTUM_VERSION, "<factum.version>", factumVersion);
        files.put(Path.of("pom.xml"), pom.text());
        files.put(Path.of("src/main/resources/application.properties"),
                springBoot.require("spring-properties", "properties").text());

        Path sources = Path.of("src/main/java").resolve(ReadmeProjectWriter.PACKAGE.replace('.', '/'));
        Map<String, String> declaredIn = new HashMap<>();
        for (Snippet snippet : javaSnippets()) {
            JavaSnippet java = JavaSnippet.parse(snippet);
            if (!java.statements().isEmpty()) {
                throw new ReadmeSnippetException("snippet \"" + snippet.name() + "\" (line " + snippet.line()
                        + ") has statements outside a type; the Spring Boot project is made of types only");
            }
            ReadmeProjectWriter.addTypes(java, sources, declaredIn, files);
        }
        String test = templates.load(TEST_HARNESS);
        if (test == null) {
            throw new ReadmeSnippetException("the Spring Boot build test's harness file " + TEST_HARNESS + " is missing");
        }
        files.put(Path.of("src/test/java").resolve(ReadmeProjectWriter.PACKAGE.replace('.', '/')).resolve(TEST_HARNESS), test);
        return files;
    }

    private List<Snippet> javaSnippets() {
        List<Snippet> snippets = new java.util.ArrayList<>();
        README_SNIPPETS.forEach(name -> snippets.add(readme.require(name, "java")));
        snippets.add(springBoot.require("spring-app", "java"));
        return snippets;
    }
}
