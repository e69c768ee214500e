/**
 * The README build test: takes the named snippets out of {@code README.md} ({@link ReadmeSnippets}),
 * splits the Java ones into files ({@link JavaSnippet}) and writes a fresh Maven project from them
 * ({@link ReadmeProjectWriter}), which maven-invoker-plugin then builds against this reactor's
 * artifacts. See docs/testing.md, "The README is tested".
 */
package io.factum.readme;
