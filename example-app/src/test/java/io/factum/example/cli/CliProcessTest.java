package io.factum.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a real process, the way the README runs it: default store in the working directory,
 * real exit codes, state that outlives the process.
 */
class CliProcessTest {

    @TempDir
    Path workingDirectory;

    private record Result(int exitCode, String out, String err) {}

    private Result java(String... args) throws IOException, InterruptedException {
        return javaWithStore(null, args);
    }

    /** Runs the CLI in a child JVM; {@code storeVariable} is the value of {@code FACTUM_STORE}, or null for none. */
    private Result javaWithStore(String storeVariable, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExampleCli.class.getName()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("FACTUM_STORE");
        if (storeVariable != null) {
            builder.environment().put("FACTUM_STORE", storeVariable);
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("factum-example " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void demoThenARefusedCommandInLaterProcesses() throws Exception {
        Result demo = java("demo");
        assertThat(demo.exitCode()).as("%s", demo).isZero();
        assertThat(demo.out()).contains("demo run #1 on jdbc:sqlite:factum-example.db").contains("Demo run #1 done");
        assertThat(workingDirectory.resolve("factum-example.db")).exists();

        Result pay = java("order", "pay", "ORD-3");
        assertThat(pay.exitCode()).isEqualTo(ExampleCli.REJECTED);
        assertThat(pay.err()).isEqualTo("Rejected: Only confirmed orders can be paid (order ORD-3 is CANCELLED). Nothing was stored."
                + System.lineSeparator());

        Result show = java("order", "show", "ORD-1");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("status     DELIVERED");

        Result unknown = java("order", "show", "ORD-404");
        assertThat(unknown.exitCode()).isEqualTo(ExampleCli.NOT_FOUND);
        assertThat(unknown.err()).contains("Not found: Order 'ORD-404' does not exist");
    }

    @Test
    void theStoreCanBeNamedByTheEnvironment() throws Exception {
        String other = "jdbc:sqlite:" + workingDirectory.resolve("elsewhere.db");
        Result register = javaWithStore(other, "customer", "register", "dora", "--name", "Dora", "--email", "dora@example.com");
        assertThat(register.exitCode()).as("%s", register).isZero();
        assertThat(workingDirectory.resolve("elsewhere.db")).exists();
        assertThat(workingDirectory.resolve("factum-example.db")).doesNotExist();

        assertThat(javaWithStore(other, "customer", "show", "dora").out()).contains("email      dora@example.com");
        // --store wins over the environment.
        Result flag = javaWithStore(other, "--store", "jdbc:sqlite:" + workingDirectory.resolve("third.db"), "customer", "show", "dora");
        assertThat(flag.exitCode()).isEqualTo(ExampleCli.NOT_FOUND);
    }
}
