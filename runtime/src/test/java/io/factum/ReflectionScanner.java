package io.factum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds uses of reflection in Java source text. Comments and string literals are blanked out
 * first, so documentation may say "no {@code Class.forName}" without tripping the check.
 *
 * <p>Public and in the runtime's test jar so the processor's tests can scan generated sources too.
 */
public final class ReflectionScanner {

    /** What counts as reflection: the API packages, lookups by name, and access overrides. */
    public static final List<String> FORBIDDEN = List.of(
            "java.lang.reflect",
            "java.lang.invoke",
            "setAccessible(",
            "Class.forName(",
            "loadClass(",
            "getDeclared",
            "MethodHandles.lookup",
            "privateLookupIn",
            "getMethod(",
            "getMethods(",
            "getField(",
            "getFields(",
            "getConstructor(",
            "getConstructors(",
            "getRecordComponents(");

    /** One forbidden use: where, and which pattern. */
    public record Violation(String file, int line, String pattern, String code) {
        @Override
        public String toString() {
            return file + ":" + line + ": uses " + pattern + ": " + code.strip();
        }
    }

    /** The result of scanning a directory tree. */
    public record Report(int filesScanned, List<Violation> violations) {}

    private ReflectionScanner() {}

    /** Scans every {@code .java} file under {@code root}. */
    public static Report scan(Path root) {
        List<Violation> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String source = Files.readString(file, StandardCharsets.UTF_8);
                violations.addAll(scan(root.relativize(file).toString(), source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + root, e);
        }
        return new Report(files, violations);
    }

    /** The forbidden uses in one source text. */
    public static List<Violation> scan(String fileName, String source) {
        String[] code = codeOnly(source).split("\n", -1);
        String[] original = source.split("\n", -1);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            for (String pattern : FORBIDDEN) {
                if (code[i].contains(pattern)) {
                    violations.add(new Violation(fileName, i + 1, pattern, original[i]));
                }
            }
        }
        return violations;
    }

    /** {@code source} with comments and string and char literals replaced by spaces; line breaks kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = blank(source, out, i, end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, out, i, end < 0 ? n : end + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = blank(source, out, i, end < 0 ? n : end + 3);
            } else if (c == '"' || c == '\'') {
                i = blank(source, out, i, endOfLiteral(source, i, c));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int blank(String source, StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
