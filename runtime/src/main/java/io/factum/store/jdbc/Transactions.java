package io.factum.store.jdbc;

import io.factum.store.jdbc.JdbcEventStore.TransactionWork;
import java.sql.Connection;
import java.sql.SQLException;

/** How every JDBC operation of Factum runs in a transaction: see {@link JdbcEventStore#inTransaction}. */
final class Transactions {

    private Transactions() {}

    static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The connection is closed next; a broken one is discarded by its pool.
            }
        }
    }
}
