package io.factum.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages read as layers: a plain scan of the imports of {@code runtime/src/main}
 * finds no package cycle, and the list of known back edges is empty (see "The runtime's layers"
 * in {@code docs/design-decisions.md}). A new import that closes a cycle fails this test.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+(io\\.factum[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(io\\.factum(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

    /**
     * Imports that point up a layer and that only a public API change can remove; each is
     * "from package -> to package (source file)". Empty since issue #12 moved {@code Metadata} into the
     * store and gave the event and aggregate layers provider interfaces of their own. Do not add to this
     * list: break the cycle instead.
     */
    private static final Set<String> KNOWN_BACK_EDGES = Set.of();

    private record Edge(String from, String to, String file) {
        @Override
        public String toString() {
            return from + " -> " + to + " (" + file + ")";
        }
    }

    private static List<Edge> importEdges() throws IOException {
        List<Edge> edges = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher packageName = PACKAGE.matcher(source);
                if (!packageName.find()) {
                    continue;
                }
                String from = packageName.group(1);
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    if (!imported.group(1).equals(from)) {
                        edges.add(new Edge(from, imported.group(1), file.getFileName().toString()));
                    }
                }
            }
        }
        return edges;
    }

    @Test
    void theScanSeesTheRuntimesPackagesAndImports() throws IOException {
        List<Edge> edges = importEdges();
        assertThat(edges).extracting(Edge::from).contains("io.factum.store.jdbc", "io.factum.subscription", "io.factum.codec");
        assertThat(edges).extracting(Edge::toString).contains("io.factum.codec -> io.factum.event (Json.java)");
    }

    @Test
    void withoutTheKnownBackEdgesNoPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        Set<String> backEdgesSeen = new TreeSet<>();
        for (Edge edge : importEdges()) {
            if (KNOWN_BACK_EDGES.contains(edge.toString())) {
                backEdgesSeen.add(edge.toString());
            } else {
                graph.computeIfAbsent(edge.from(), k -> new TreeSet<>()).add(edge.to());
            }
        }
        assertThat(cycles(graph)).as("package cycles").isEmpty();
        // A known back edge that is gone should leave the list too.
        assertThat(backEdgesSeen).containsExactlyInAnyOrderElementsOf(KNOWN_BACK_EDGES);
    }

    @Test
    void everyPackageSaysInItsPackageInfoWhatItHoldsAndMayUse() throws IOException {
        Set<Path> packagesWithSources = new TreeSet<>();
        Set<Path> packagesWithInfo = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(file.getParent());
                if (file.getFileName().toString().equals("package-info.java")) {
                    packagesWithInfo.add(dir);
                } else {
                    packagesWithSources.add(dir);
                }
            }
        }
        assertThat(packagesWithSources).contains(Path.of("io/factum"), Path.of("io/factum/store/jdbc"));
        assertThat(packagesWithInfo).as("packages with a package-info.java").containsAll(packagesWithSources);
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c", "a"));
    }

    /** One path per cycle found by depth-first search, each from its first package back to it. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            visit(start, graph, new ArrayList<>(), new HashMap<>(), done, found);
        }
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> graph, List<String> path,
            Map<String, Integer> onPath, Set<String> done, List<List<String>> found) {
        if (onPath.containsKey(node)) {
            List<String> cycle = new ArrayList<>(path.subList(onPath.get(node), path.size()));
            cycle.add(node);
            found.add(cycle);
            return;
        }
        if (!done.add(node)) {
            return;
        }
        onPath.put(node, path.size());
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            visit(next, graph, path, onPath, done, found);
        }
        path.remove(path.size() - 1);
        onPath.remove(node);
    }
}
