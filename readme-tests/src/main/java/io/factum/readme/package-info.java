/**
 * The README build test: takes the named snippets out of {@code README.md} ({@link ReadmeSnippets}),
 * splits the Java ones into files ({@link JavaSnippet}) and writes a fresh Maven project from them
 * ({@link ReadmeProjectWriter}), which maven-invoker-plugin then builds against this reactor's
 * artifacts (installed into a repository under target/ by maven-install-plugin's install-file). See docs/testing.md, "The README is tested".
 */
package io.factum.readme;
