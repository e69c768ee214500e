package io.factum.readme;

/**
 * One fenced code block of a Markdown file, named by the {@code <!-- readme-test: NAME -->} line right above it.
 *
 * @param name     the name given in the marker
 * @param language the fence's info string ({@code java}, {@code xml}, ...), empty when there is none
 * @param text     the block's lines, without the fences, each ending with a newline
 * @param line     the 1-based line of the marker in the Markdown file, for error messages
 */
public record Snippet(String name, String language, String text, int line) {}
