package io.factum.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java snippet taken apart the way a reader pastes it: its {@code import} lines, its top-level type
 * declarations (each goes to a file of its own) and the statements outside any type (they go in a method).
 * The snippet has no {@code package} line; the project writer adds one to every file.
 *
 * @param snippet    the README snippet
 * @param imports    the import lines, verbatim
 * @param types      the top-level types, in snippet order
 * @param statements the statements outside any type, verbatim; empty when there are none
 */
public record JavaSnippet(Snippet snippet, List<String> imports, List<TypeDeclaration> types, String statements) {

    /**
     * A top-level type of a snippet.
     *
     * @param name the simple name, which is also its file name
     * @param text the declaration with its annotations, verbatim
     */
    public record TypeDeclaration(String name, String text) {}

    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
                    + "(?:(?:public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+(\\w+)");
    private static final Pattern ANNOTATION_LINE = Pattern.compile("^@\\w+(?:\\(.*\\))?\\s*$");

    /**
     * Splits a Java snippet. A line at brace depth 0 that starts a class, interface, record or enum begins a
     * type (annotation lines right above it belong to it); the type ends where its braces close. Every other
     * line at depth 0, and all lines inside it, is a statement, except {@code import} lines.
     *
     * @throws ReadmeSnippetException when the braces do not balance or a {@code package} line is present
     */
    public static JavaSnippet parse(Snippet snippet) {
        List<String> imports = new ArrayList<>();
        List<TypeDeclaration> types = new ArrayList<>();
        StringBuilder statements = new StringBuilder();
        List<String> pendingAnnotations = new ArrayList<>();
        StringBuilder type = null;
        String typeName = null;
        boolean typeOpened = false;
        int depth = 0;
        for (String line : snippet.text().lines().toList()) {
            String trimmed = line.strip();
            if (type == null && depth == 0) {
                Matcher declaration = DECLARATION.matcher(trimmed);
                if (trimmed.startsWith("package ")) {
                    throw new ReadmeSnippetException("snippet \"" + snippet.name() + "\" (README line " + snippet.line()
                            + ") has a package line; leave it out, readers paste into their own package");
                } else if (trimmed.startsWith("import ")) {
                    imports.add(line);
                    continue;
                } else if (declaration.find()) {
                    type = new StringBuilder();
                    for (String annotation : pendingAnnotations) {
                        type.append(annotation).append('\n');
                    }
                    pendingAnnotations.clear();
                    typeName = declaration.group(1);
                    typeOpened = false;
                } else if (ANNOTATION_LINE.matcher(trimmed).matches()) {
                    pendingAnnotations.add(line);
                    continue;
                } else {
                    flushAsStatements(pendingAnnotations, statements);
                    if (!trimmed.isEmpty() || statements.length() > 0) {
                        statements.append(line).append('\n');
                    }
                    depth += braceChange(line);
                    continue;
                }
            }
            int change = braceChange(line);
            if (type != null) {
                type.append(line).append('\n');
                typeOpened |= line.indexOf('{') >= 0;
                depth += change;
                if (typeOpened && depth == 0) {
                    types.add(new TypeDeclaration(typeName, type.toString()));
                    type = null;
                }
            } else {
                statements.append(line).append('\n');
                depth += change;
            }
            if (depth < 0) {
                throw unbalanced(snippet);
            }
        }
        flushAsStatements(pendingAnnotations, statements);
        if (type != null || depth != 0) {
            throw unbalanced(snippet);
        }
        return new JavaSnippet(snippet, List.copyOf(imports), List.copyOf(types), statements.toString().strip());
    }

    private static void flushAsStatements(List<String> pendingAnnotations, StringBuilder statements) {
        pendingAnnotations.forEach(a -> statements.append(a).append('\n'));
        pendingAnnotations.clear();
    }

    private static ReadmeSnippetException unbalanced(Snippet snippet) {
        return new ReadmeSnippetException("snippet \"" + snippet.name() + "\" (README line " + snippet.line()
                + ") has unbalanced braces; as pasted it cannot compile");
    }

    /** Opening minus closing braces on a line, ignoring string and char literals and {@code //} comments. */
    static int braceChange(String line) {
        int change = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                change++;
            } else if (c == '}') {
                change--;
            }
        }
        return change;
    }
}
