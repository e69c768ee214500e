package io.factum.subscription;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fencing check of the writes a lease protects: a projection batch, a checkpoint, a parked
 * event. It runs in the same transaction as the write, so a write of an instance that lost its
 * lease rolls back. {@link #NONE} checks nothing (no lease: single-process mode, or polled by hand).
 */
interface Fence {

    /** Checks nothing. */
    Fence NONE = new Fence() {
        @Override
        public void check(Connection connection, String what) {}

        @Override
        public void checkAlone(String what) {}

        @Override
        public boolean mayDeliver() {
            return true;
        }

        @Override
        public LeaseLostException pausedPastLease(String what) {
            throw new IllegalStateException("no lease to lose");
        }
    };

    /**
     * Checks inside the caller's transaction on {@code connection}.
     *
     * @param what the write it protects, for the error
     * @throws LeaseLostException when this instance no longer holds the lease; roll back
     */
    void check(Connection connection, String what) throws SQLException;

    /**
     * A cheap local look, before each event a handler is given: false once this instance may have
     * lost the lease (it went longer than the lease without renewing it, say in a long pause), so
     * that it stops delivering before the database says so.
     */
    boolean mayDeliver();

    /** The error when {@link #mayDeliver()} said no, naming the instance and {@code what} it stops. */
    LeaseLostException pausedPastLease(String what);

    /** Checks in a transaction of its own, for a write outside the store's database (a weaker guarantee). */
    void checkAlone(String what);
}
