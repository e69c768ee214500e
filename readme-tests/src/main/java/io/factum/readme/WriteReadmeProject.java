package io.factum.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (run by exec-maven-plugin before maven-invoker-plugin): writes the project made of the README's
 * snippets. Arguments: the README file, the project directory to (re)create, the Factum version of this build.
 */
public final class WriteReadmeProject {

    private WriteReadmeProject() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WriteReadmeProject <README.md> <project dir> <factum version>");
        }
        Path readme = Path.of(args[0]);
        Path projectDir = Path.of(args[1]);
        ReadmeSnippets snippets = ReadmeSnippets.parse(Files.readString(readme, StandardCharsets.UTF_8), readme.toString());
        ReadmeProjectWriter writer = new ReadmeProjectWriter(snippets, args[2], ReadmeProjectWriter.classpathTemplates());
        for (Path file : writer.write(projectDir)) {
            System.out.println("[readme-test] wrote " + projectDir.resolve(file));
        }
    }
}
