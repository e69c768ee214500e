package io.factum.example.cli;

import io.factum.event.EventEnvelope;
import io.factum.example.app.Narrator;
import java.io.PrintWriter;

/**
 * Everything the CLI prints. Thread-safe: subscriptions report reactions from their own threads
 * while the main thread waits, and each line is printed whole.
 */
final class Console implements Narrator {

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    /** A committed event, as the synchronous {@code ActivityLog} reports it. */
    synchronized void recorded(EventEnvelope<?> event) {
        out.printf("  recorded  %-22s rev %-3d pos %-5d %s%n", event.streamId(), event.streamRevision(),
                event.globalPosition(), event.payload());
        out.flush();
    }

    @Override
    public synchronized void reaction(String context, String text) {
        out.printf("    -> %-13s %s%n", context, text);
        out.flush();
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    synchronized void line(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    /** A line that replaces itself on a terminal (a progress indicator); a plain line elsewhere. */
    synchronized void progress(String text, boolean terminal) {
        if (terminal) {
            out.print("\r" + text);
        } else {
            out.println(text);
        }
        out.flush();
    }

    synchronized void heading(String text) {
        out.println();
        out.println("== " + text);
        out.flush();
    }
}
