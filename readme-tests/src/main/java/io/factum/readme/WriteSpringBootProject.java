package io.factum.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by exec-maven-plugin before maven-invoker-plugin): writes the Spring Boot project of
 * docs/spring-boot.md. Arguments: the README, docs/spring-boot.md, the project directory to (re)create, the
 * Factum version of this build.
 */
public final class WriteSpringBootProject {

    private WriteSpringBootProject() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: WriteSpringBootProject <README.md> <docs/spring-boot.md> <project dir> <factum version>");
        }
        ReadmeSnippets readme = parse(Path.of(args[0]));
        ReadmeSnippets springBoot = parse(Path.of(args[1]));
        Path projectDir = Path.of(args[2]);
        SpringBootProjectWriter writer = new SpringBootProjectWriter(readme, springBoot, args[3],
                ReadmeProjectWriter.classpathTemplates());
        for (Path file : writer.write(projectDir)) {
            System.out.println("[readme-test] wrote " + projectDir.resolve(file));
        }
    }

    private static ReadmeSnippets parse(Path file) throws IOException {
        return ReadmeSnippets.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
