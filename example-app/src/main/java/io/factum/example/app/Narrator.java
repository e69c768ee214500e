package io.factum.example.app;

/**
 * Where bounded contexts say what they did in reaction to an event, so the CLI can show it
 * ("Inventory: reserved 2 × KBD-1 for order ORD-1"). Purely for people: no logic depends on it.
 */
@FunctionalInterface
public interface Narrator {

    /** Says nothing; for tests and rebuilds. */
    Narrator SILENT = (context, text) -> {};

    void reaction(String context, String text);
}
