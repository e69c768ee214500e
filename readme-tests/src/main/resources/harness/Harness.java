package com.example.orders;

/** Set-up the harness tests share. Names every type in full, so it cannot stand in for an import the README forgot. */
final class Harness {

    /** The code under test, which may throw anything. */
    interface Code {
        void run() throws Exception;
    }

    private Harness() {}

    /** The lines {@code code} printed to {@code System.out}, from any thread, before it returned. */
    static java.util.List<String> printedBy(Code code) throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(console);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
}
