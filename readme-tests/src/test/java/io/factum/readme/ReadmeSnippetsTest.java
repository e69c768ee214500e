package io.factum.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadmeSnippetsTest {

    private static final String MARKDOWN = """
            # Title

            <!-- readme-test: pom -->
            ```xml
            <project/>
            ```

            Text.

            <!-- readme-test: events -->

            ```java
            public record A() {}
            ```
            """;

    @Test
    void findsMarkedBlocksWithLanguageAndLine() {
        ReadmeSnippets snippets = ReadmeSnippets.parse(MARKDOWN, "README.md");

        assertThat(snippets.names()).containsExactly("pom", "events");
        Snippet events = snippets.require("events", "java");
        assertThat(events.text()).isEqualTo("public record A() {}\n");
        assertThat(events.line()).isEqualTo(10);
        assertThat(snippets.require("pom", "xml").text()).isEqualTo("<project/>\n");
    }

    @Test
    void aMissingSnippetIsNamedWithWhatWasFound() {
        ReadmeSnippets snippets = ReadmeSnippets.parse(MARKDOWN, "README.md");

        assertThatThrownBy(() -> snippets.require("order", "java"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage("README.md has no snippet \"order\": the README build test needs a ```java block right after"
                        + " a line '<!-- readme-test: order -->' (found: pom, events)");
    }

    @Test
    void aFileWithoutMarkersSaysSo() {
        ReadmeSnippets snippets = ReadmeSnippets.parse("# Nothing\n```java\nclass A {}\n```\n", "README.md");

        assertThatThrownBy(() -> snippets.require("events", "java"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageContaining("no snippet \"events\"")
                .hasMessageEndingWith("(the file has no snippet markers at all)");
    }

    @Test
    void aMarkerWithoutABlockIsAnErrorOnItsLine() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("a\n<!-- readme-test: order -->\nSome text.\n", "README.md"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage("README.md:2: snippet \"order\" is marked, but no fenced code block (```) follows the marker");
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("<!-- readme-test: order -->\n```java\nclass A {}\n", "README.md"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage("README.md:2: the code block of snippet \"order\" is never closed; end it with ```");
    }

    @Test
    void aMalformedMarkerIsAnError() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("<!-- readme-test: two words -->\n```java\n```\n", "README.md"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageStartingWith("README.md:1: malformed snippet marker '<!-- readme-test: two words -->'");
    }

    @Test
    void aNameUsedTwiceIsAnError() {
        String twice = "<!-- readme-test: a -->\n```java\nx\n```\n<!-- readme-test: a -->\n```java\ny\n```\n";

        assertThatThrownBy(() -> ReadmeSnippets.parse(twice, "README.md"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage("README.md:5: snippet \"a\" is already marked at line 1; give each snippet its own name");
    }

    @Test
    void aBlockOfAnotherLanguageOrAnEmptyBlockIsRefused() {
        ReadmeSnippets snippets = ReadmeSnippets.parse(
                "<!-- readme-test: pom -->\n```groovy\nx\n```\n<!-- readme-test: empty -->\n```java\n\n```\n", "README.md");

        assertThatThrownBy(() -> snippets.require("pom", "xml"))
                .hasMessage("README.md:1: snippet \"pom\" is a ```groovy block; the README build test needs a ```xml block");
        assertThatThrownBy(() -> snippets.require("empty", "java"))
                .hasMessage("README.md:5: snippet \"empty\" is empty");
    }
}
