package io.factum.readme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named snippets of a Markdown file. A snippet is the fenced code block that follows a line
 * {@code <!-- readme-test: NAME -->} (blank lines between are allowed). The marker is an HTML comment, so
 * readers of the rendered README do not see it.
 */
public final class ReadmeSnippets {

    static final String MARKER_PREFIX = "<!-- readme-test:";
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*readme-test:\\s*([A-Za-z0-9_-]+)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(`{3,})\\s*([A-Za-z0-9_+-]*)\\s*$");

    private final String source;
    private final Map<String, Snippet> byName;

    private ReadmeSnippets(String source, Map<String, Snippet> byName) {
        this.source = source;
        this.byName = byName;
    }

    /**
     * Parses {@code markdown}; {@code source} names the file in messages.
     *
     * @throws ReadmeSnippetException on a malformed marker, a marker with no code block after it, an unclosed
     *                                block or a name used twice
     */
    public static ReadmeSnippets parse(String markdown, String source) {
        List<String> lines = markdown.lines().toList();
        Map<String, Snippet> byName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith(MARKER_PREFIX)) {
                continue;
            }
            Matcher marker = MARKER.matcher(line);
            if (!marker.matches()) {
                throw new ReadmeSnippetException(source + ":" + (i + 1) + ": malformed snippet marker '" + line
                        + "'; write it as '<!-- readme-test: name -->' (letters, digits, '-' and '_')");
            }
            Snippet snippet = readBlock(lines, i, marker.group(1), source);
            Snippet previous = byName.putIfAbsent(snippet.name(), snippet);
            if (previous != null) {
                throw new ReadmeSnippetException(source + ":" + (i + 1) + ": snippet \"" + snippet.name()
                        + "\" is already marked at line " + previous.line() + "; give each snippet its own name");
            }
        }
        return new ReadmeSnippets(source, byName);
    }

    private static Snippet readBlock(List<String> lines, int markerIndex, String name, String source) {
        int open = markerIndex + 1;
        while (open < lines.size() && lines.get(open).isBlank()) {
            open++;
        }
        Matcher fence = open < lines.size() ? FENCE.matcher(lines.get(open)) : null;
        if (fence == null || !fence.matches()) {
            throw new ReadmeSnippetException(source + ":" + (markerIndex + 1) + ": snippet \"" + name
                    + "\" is marked, but no fenced code block (```) follows the marker");
        }
        StringBuilder text = new StringBuilder();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(fence.group(1))) {
                return new Snippet(name, fence.group(2), text.toString(), markerIndex + 1);
            }
            text.append(lines.get(i)).append('\n');
        }
        throw new ReadmeSnippetException(source + ":" + (open + 1) + ": the code block of snippet \"" + name
                + "\" is never closed; end it with " + fence.group(1));
    }

    /**
     * The snippet called {@code name}, which must be a {@code language} block with some code in it.
     *
     * @throws ReadmeSnippetException naming the snippet when there is none of that name, it is of another
     *                                language, or it is empty
     */
    public Snippet require(String name, String language) {
        Snippet snippet = byName.get(name);
        if (snippet == null) {
            throw new ReadmeSnippetException(source + " has no snippet \"" + name + "\": the README build test needs"
                    + " a ```" + language + " block right after a line '<!-- readme-test: " + name + " -->'"
                    + (byName.isEmpty() ? " (the file has no snippet markers at all)" : " (found: " + String.join(", ", byName.keySet()) + ")"));
        }
        if (!snippet.language().equals(language)) {
            throw new ReadmeSnippetException(source + ":" + snippet.line() + ": snippet \"" + name + "\" is a ```"
                    + snippet.language() + " block; the README build test needs a ```" + language + " block");
        }
        if (snippet.text().isBlank()) {
            throw new ReadmeSnippetException(source + ":" + snippet.line() + ": snippet \"" + name + "\" is empty");
        }
        return snippet;
    }

    /** The names of every marked snippet, in file order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
