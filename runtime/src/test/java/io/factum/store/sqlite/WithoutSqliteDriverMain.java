package io.factum.store.sqlite;

import java.nio.file.Path;

/** Run in a child JVM without the SQLite driver: opens a store and prints what it threw. */
public final class WithoutSqliteDriverMain {

    private WithoutSqliteDriverMain() {}

    public static void main(String[] args) {
        try {
            SqliteEventStore.open(Path.of(args[0]));
            System.out.println("OPENED");
        } catch (RuntimeException e) {
            System.out.println("THROWN " + e.getClass().getName());
            System.out.println("MESSAGE " + e.getMessage());
        }
    }
}
