package io.factum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The check every {@code ServiceLoader} look-up of generated modules makes first. Two units of one package
 * compiled apart (two jars that do not see each other) may both name their module
 * {@code <pkg>.<Name>FactumModule}; ServiceLoader would load the first and silently drop the other's types.
 * The same module found twice (one jar listed twice) has the same class file and is fine. Reads the service
 * files and class files as resources: no class is loaded by name.
 */
public final class ServiceEntries {

    private ServiceEntries() {}

    /**
     * @param service the interface whose {@code META-INF/services} file lists the modules
     * @throws IllegalStateException naming both class files if two different classes of one name are listed
     */
    public static void requireDistinctClasses(ClassLoader loader, Class<?> service) {
        String serviceFile = "META-INF/services/" + service.getName();
        Map<String, URL> classFiles = new HashMap<>();
        Map<String, byte[]> contents = new HashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(serviceFile);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                String root = file.toString().substring(0, file.toString().length() - serviceFile.length());
                for (String name : providerNames(file)) {
                    URL classFile = URI.create(root + name.replace('.', '/') + ".class").toURL();
                    byte[] bytes;
                    try (InputStream in = classFile.openStream()) {
                        bytes = in.readAllBytes();
                    } catch (IOException notThere) {
                        continue; // ServiceLoader reports a listed class that does not exist
                    }
                    URL previous = classFiles.putIfAbsent(name, classFile);
                    if (previous != null && !Arrays.equals(contents.get(name), bytes)) {
                        throw new IllegalStateException("Two different modules are named " + name + ": " + previous
                                + " and " + classFile + "; ServiceLoader would load only the first, and the event types"
                                + " of the other would be missing. Name one unit's module with -Afactum.module=<another"
                                + " class name>");
                    }
                    contents.putIfAbsent(name, bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + serviceFile, e);
        }
    }

    private static List<String> providerNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
