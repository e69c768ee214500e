package io.factum.readme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a fresh Maven project from the README's snippets: {@code pom.xml} is the {@code pom} snippet verbatim;
 * every top-level type of a Java snippet becomes a file of {@value #PACKAGE} under {@code src/main/java}; the
 * statements of a Java snippet go, with the snippet's imports, into a JUnit test under {@code src/test/java}
 * made from a harness template ({@code harness/<Name>SnippetTest.java} on the class path) that sets up what
 * the statements use and checks what they did. The templates import nothing from Factum or the JDK beyond
 * JUnit, so a missing import in the README is a compile error in the built project.
 */
public final class ReadmeProjectWriter {

    /** The package the snippets are pasted into. */
    public static final String PACKAGE = "com.example.orders";

    /** The Java snippets, in README order, that the built project is made of. */
    public static final List<String> JAVA_SNIPPETS = List.of("events", "order", "repository", "notifications", "async-bus", "fixture");

    /** Harness files copied as they are, beside the tests made from templates. */
    static final List<String> SHARED_HARNESS = List.of("Harness.java");

    static final String IMPORTS_LINE = "// README: imports";
    static final String STATEMENTS_LINE = "// README: statements";

    static final Pattern POM_FACTUM_VERSION = Pattern.compile("<factum\\.version>([^<]*)</factum\\.version>");
    private static final Pattern GRADLE_FACTUM_VERSION = Pattern.compile("'io\\.factum:factum-[a-z-]+:([^']*)'");

    /** Loads a harness template by file name; null when there is none. */
    @FunctionalInterface
    public interface Templates {
        String load(String fileName);
    }

    private final ReadmeSnippets snippets;
    private final String factumVersion;
    private final Templates templates;

    /**
     * @param snippets      the README's snippets
     * @param factumVersion the version this reactor builds; the README's setup must name exactly it
     * @param templates     where the harness templates come from
     */
    public ReadmeProjectWriter(ReadmeSnippets snippets, String factumVersion, Templates templates) {
        this.snippets = snippets;
        this.factumVersion = factumVersion;
        this.templates = templates;
    }

    /** The harness templates shipped with this module, under {@code harness/}. */
    public static Templates classpathTemplates() {
        return fileName -> {
            try (InputStream in = ReadmeProjectWriter.class.getResourceAsStream("/harness/" + fileName)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Deletes {@code projectDir} and writes the project there.
     *
     * @return the files written, relative to {@code projectDir}, in writing order
     * @throws ReadmeSnippetException naming the snippet when one is missing, names another Factum version, or
     *                                does not fit the harness
     */
    public List<Path> write(Path projectDir) throws IOException {
        return writeFiles(render(), projectDir);
    }

    /** Deletes {@code projectDir} and writes {@code files} (relative path to content) there; returns their paths. */
    static List<Path> writeFiles(Map<Path, String> files, Path projectDir) throws IOException {
        deleteRecursively(projectDir);
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Path target = projectDir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        return List.copyOf(files.keySet());
    }

    /** Every file of the project, relative path to content, before anything is written. */
    Map<Path, String> render() {
        Map<Path, String> files = new java.util.LinkedHashMap<>();
        Snippet pom = snippets.require("pom", "xml");
        checkVersion(pom, POM_FACTUM_VERSION, "<factum.version>", factumVersion);
        checkVersion(snippets.require("gradle", "groovy"), GRADLE_FACTUM_VERSION, "'io.factum:factum-...:VERSION'",
                factumVersion);
        files.put(Path.of("pom.xml"), pom.text());

        Path packageDir = Path.of(PACKAGE.replace('.', '/'));
        Map<String, String> declaredIn = new HashMap<>();
        for (String name : JAVA_SNIPPETS) {
            JavaSnippet java = JavaSnippet.parse(snippets.require(name, "java"));
            addTypes(java, Path.of("src/main/java").resolve(packageDir), declaredIn, files);
            String testClass = testClassName(name);
            String template = templates.load(testClass + ".java");
            if (java.statements().isEmpty()) {
                if (template != null) {
                    throw new ReadmeSnippetException("snippet \"" + name + "\" (README line " + java.snippet().line()
                            + ") has no statements outside a type, but the README test has a harness for them ("
                            + testClass + ".java): the snippet lost its example code");
                }
            } else {
                if (template == null) {
                    throw new ReadmeSnippetException("snippet \"" + name + "\" (README line " + java.snippet().line()
                            + ") has statements outside a type, but the README test has no harness to run them in;"
                            + " add harness/" + testClass + ".java");
                }
                files.put(Path.of("src/test/java").resolve(packageDir).resolve(testClass + ".java"),
                        fillTemplate(testClass, template, java));
            }
        }
        for (String shared : SHARED_HARNESS) {
            String text = templates.load(shared);
            if (text == null) {
                throw new ReadmeSnippetException("the README test's harness file " + shared + " is missing");
            }
            files.put(Path.of("src/test/java").resolve(packageDir).resolve(shared), text);
        }
        return files;
    }

    /** Fails naming the snippet unless every Factum version {@code pattern} finds in it is this build's. */
    static void checkVersion(Snippet snippet, Pattern pattern, String what, String factumVersion) {
        Matcher matcher = pattern.matcher(snippet.text());
        List<String> versions = new ArrayList<>();
        while (matcher.find()) {
            versions.add(matcher.group(1));
        }
        if (versions.isEmpty()) {
            throw new ReadmeSnippetException("snippet \"" + snippet.name() + "\" (README line " + snippet.line()
                    + ") names no Factum version; expected " + what + " with " + factumVersion);
        }
        for (String version : versions) {
            if (!version.equals(factumVersion)) {
                throw new ReadmeSnippetException("snippet \"" + snippet.name() + "\" (README line " + snippet.line()
                        + ") names Factum " + version + ", but this build is " + factumVersion + "; update the README");
            }
        }
    }

    /**
     * Puts a file per top-level type of {@code java} under {@code dir} into {@code files}.
     *
     * @param declaredIn type name to the snippet that declared it, across snippets
     * @throws ReadmeSnippetException when two snippets declare one type
     */
    static void addTypes(JavaSnippet java, Path dir, Map<String, String> declaredIn, Map<Path, String> files) {
        String name = java.snippet().name();
        for (JavaSnippet.TypeDeclaration type : java.types()) {
            String earlier = declaredIn.putIfAbsent(type.name(), name);
            if (earlier != null) {
                throw new ReadmeSnippetException("snippet \"" + name + "\" declares " + type.name()
                        + ", which snippet \"" + earlier + "\" already declares");
            }
            files.put(dir.resolve(type.name() + ".java"), javaFile(java.imports(), type.text()));
        }
    }

    /** A source file of {@value #PACKAGE}: the package line, {@code imports}, {@code body}. */
    static String javaFile(List<String> imports, String body) {
        StringBuilder file = new StringBuilder("package " + PACKAGE + ";\n\n");
        imports.forEach(line -> file.append(line).append('\n'));
        if (!imports.isEmpty()) {
            file.append('\n');
        }
        return file.append(body).toString();
    }

    private static String fillTemplate(String testClass, String template, JavaSnippet java) {
        if (!template.contains(IMPORTS_LINE) || !template.contains(STATEMENTS_LINE)) {
            throw new ReadmeSnippetException("harness " + testClass + ".java needs the lines '" + IMPORTS_LINE
                    + "' and '" + STATEMENTS_LINE + "'");
        }
        StringBuilder imports = new StringBuilder();
        java.imports().forEach(line -> imports.append(line).append('\n'));
        int indent = template.lines().filter(l -> l.strip().equals(STATEMENTS_LINE)).findFirst()
                .map(l -> l.indexOf(STATEMENTS_LINE)).orElse(0);
        String pad = " ".repeat(indent);
        StringBuilder statements = new StringBuilder();
        java.statements().lines().forEach(line -> statements.append(line.isBlank() ? "" : pad + line).append('\n'));
        return template
                .replace(pad + STATEMENTS_LINE + "\n", statements.toString())
                .replace(IMPORTS_LINE + "\n", imports.toString());
    }

    /** {@code async-bus} becomes {@code AsyncBusSnippetTest}. */
    static String testClassName(String snippetName) {
        StringBuilder name = new StringBuilder();
        for (String part : snippetName.split("[-_]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.append("SnippetTest").toString();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
