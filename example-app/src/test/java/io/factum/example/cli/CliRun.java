package io.factum.example.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One run of the CLI in this JVM: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} after the store options. */
    static CliRun run(List<String> storeOptions, String... args) {
        List<String> all = new ArrayList<>(storeOptions);
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExampleCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
