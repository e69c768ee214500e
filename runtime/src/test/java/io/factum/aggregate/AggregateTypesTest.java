package io.factum.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregate types are looked up with the same care as event types: a module name clash is refused, not lost. */
class AggregateTypesTest {

    private static final String MODULE = "com.acme.shop.ShopFactumModule";

    @TempDir
    Path dir;

    @Test
    void twoDifferentModulesOfOneNameAreRefusedNamingBothJars() throws Exception {
        Path first = moduleJar("a", "first");
        Path second = moduleJar("b", "second");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()},
                AggregateTypesTest.class.getClassLoader())) {
            assertThatThrownBy(() -> AggregateTypes.loadFrom(loader, new HashMap<>()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Two different modules are named " + MODULE)
                    .hasMessageContaining("a.jar")
                    .hasMessageContaining("b.jar");
        }
    }

    @Test
    void theSameJarListedTwiceIsOneModule() throws Exception {
        Path first = moduleJar("a", "first");
        Path copy = Files.copy(first, dir.resolve("copy.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), copy.toUri().toURL()},
                AggregateTypesTest.class.getClassLoader())) {
            assertThat(AggregateTypes.loadFrom(loader, new HashMap<>())).containsOnlyOnce(MODULE);
        }
    }

    @Test
    void anUnknownAggregateClassIsAnErrorListingTheModulesFound() {
        assertThatThrownBy(() -> AggregateTypes.of(String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No generated AggregateType for java.lang.String")
                .hasMessageContaining("META-INF/services/io.factum.aggregate.AggregateTypeProvider")
                .hasMessageMatching("(?s).*(No module was found\\.|Modules found: .+)");
    }

    /** A jar holding {@value #MODULE} (whose class file differs by {@code mark}) and its service entry. */
    private Path moduleJar(String name, String mark) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src/com/acme/shop")).resolve("ShopFactumModule.java");
        Files.writeString(src, """
                package com.acme.shop;
                public final class ShopFactumModule implements io.factum.aggregate.AggregateTypeProvider {
                    public java.util.List<io.factum.aggregate.AggregateType<?, ?>> aggregateTypes() { return java.util.List.of(); }
                    @Override public String toString() { return "%s"; }
                }
                """.formatted(mark));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).as("javac exit status").isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "com/acme/shop/ShopFactumModule.class",
                    Files.readAllBytes(classes.resolve("com/acme/shop/ShopFactumModule.class")));
            put(out, "META-INF/services/" + AggregateTypeProvider.class.getName(),
                    (MODULE + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void put(JarOutputStream out, String entry, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        OutputStream stream = out;
        stream.write(bytes);
        out.closeEntry();
    }
}
