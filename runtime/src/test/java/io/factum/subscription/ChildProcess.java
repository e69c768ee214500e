package io.factum.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM running a main class of the test classpath, its output lines collected as they come. */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    ChildProcess(Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The lines printed so far. */
    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The positions of the {@code handled <position>} lines printed so far, in order. */
    List<Long> handled() {
        List<Long> positions = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("handled ")) {
                positions.add(Long.parseLong(line.substring("handled ".length()).trim()));
            }
        }
        return positions;
    }

    /** For a failure message: how much it handled, and its other output (errors, stack traces). */
    String describe() {
        List<Long> handled = handled();
        List<String> other = new ArrayList<>();
        for (String line : lines()) {
            if (!line.startsWith("handled ")) {
                other.add(line);
            }
        }
        return "handled " + handled.size() + (handled.isEmpty() ? "" : ", last " + handled.get(handled.size() - 1))
                + ", alive " + process.isAlive() + ", other output " + other.subList(Math.max(0, other.size() - 20), other.size());
    }

    /** SIGKILL, and wait for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
