package io.factum.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JavaSnippetTest {

    private static JavaSnippet parse(String text) {
        return JavaSnippet.parse(new Snippet("s", "java", text, 7));
    }

    @Test
    void splitsImportsTypesAndStatements() {
        JavaSnippet java = parse("""
                import a.B;   // comment
                import java.math.BigDecimal;

                public sealed interface E permits X {}

                @Event public record X(String id) implements E {}
                @Event(name = "Y", version = 1)
                public record Y(String id) {}

                @Aggregate
                public class Order {
                    String s = "}";     // a brace in a string
                    void on(X x) { if (true) { } }
                }

                var bus = new Bus();
                try (var b = open()) {
                    b.run();
                }
                """);

        assertThat(java.imports()).containsExactly("import a.B;   // comment", "import java.math.BigDecimal;");
        assertThat(java.types()).extracting(JavaSnippet.TypeDeclaration::name).containsExactly("E", "X", "Y", "Order");
        assertThat(java.types().get(2).text()).isEqualTo("@Event(name = \"Y\", version = 1)\npublic record Y(String id) {}\n");
        assertThat(java.types().get(3).text()).startsWith("@Aggregate\npublic class Order {\n").endsWith("    void on(X x) { if (true) { } }\n}\n");
        assertThat(java.statements()).isEqualTo("var bus = new Bus();\ntry (var b = open()) {\n    b.run();\n}");
    }

    @Test
    void aSnippetOfStatementsOnlyHasNoTypes() {
        JavaSnippet java = parse("Order order = Order.create(\"42\");\norders.save(order);\n");

        assertThat(java.types()).isEmpty();
        assertThat(java.statements()).isEqualTo("Order order = Order.create(\"42\");\norders.save(order);");
    }

    @Test
    void unbalancedBracesAreRefused() {
        assertThatThrownBy(() -> parse("public class A {\n"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessage("snippet \"s\" (README line 7) has unbalanced braces; as pasted it cannot compile");
    }

    @Test
    void aPackageLineIsRefused() {
        assertThatThrownBy(() -> parse("package com.example;\nclass A {}\n"))
                .isInstanceOf(ReadmeSnippetException.class)
                .hasMessageContaining("has a package line");
    }

    @Test
    void braceChangeIgnoresStringsCharsAndComments() {
        assertThat(JavaSnippet.braceChange("if (a) { x = \"{\"; c = '}'; } // {")).isZero();
        assertThat(JavaSnippet.braceChange("void f() {")).isEqualTo(1);
        assertThat(JavaSnippet.braceChange("s = \"\\\"{\";")).isZero();
    }
}
