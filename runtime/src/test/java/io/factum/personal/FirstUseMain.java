package io.factum.personal;

import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;

/**
 * A child process for {@link TwoProcessFirstUseTest}: at a given wall-clock time, first-uses subjects
 * {@code subject-0..n-1} in a shared key table and prints {@code key <subject> <key id>} for each.
 * Arguments: {@code sqlite <file> | postgres -}, table prefix, subject count, start time (epoch millis).
 */
public final class FirstUseMain {

    public static void main(String[] args) throws Exception {
        TableNames tables = TableNames.withPrefix(args[2]);
        JdbcSubjectKeyStore store = args[0].equals("sqlite")
                ? JdbcSubjectKeyStore.sqlite(SqliteEventStore.dataSource(Path.of(args[1])), tables)
                : JdbcSubjectKeyStore.postgres(PostgresTestDatabase.dataSource(), tables);
        store.createTable();
        SubjectKeys keys = SubjectKeys.of(store, SubjectKeyStoreContract.MASTER);
        int subjects = Integer.parseInt(args[3]);
        long startAt = Long.parseLong(args[4]);
        while (System.currentTimeMillis() < startAt) {
            Thread.onSpinWait();
        }
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < subjects; s++) {
            String subject = "subject-" + s;
            out.append("key ").append(subject).append(' ').append(keys.forWriting(subject).keyId()).append('\n');
        }
        System.out.print(out);
        System.out.println("done");
    }
}
