package io.factum.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Wraps a data source so that a test can steer the store through it: hold the next connection
 * back until released, count commits, refuse the insert of a stream's rows, run something just
 * before a stream's rows are inserted, and lose the answer of a commit that did happen.
 */
public final class ScriptedDataSource extends ForwardingDataSource {

    private static final long TIMEOUT_SECONDS = 120;

    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicReference<Hold> nextHold = new AtomicReference<>();
    private final Set<String> refusedStreams = ConcurrentHashMap.newKeySet();
    private final Map<String, SqlAction> beforeInsertOf = new ConcurrentHashMap<>();
    /** Commits to let through before one whose answer is lost; negative for none. */
    private final AtomicInteger commitsBeforeLostAnswer = new AtomicInteger(-1);

    public ScriptedDataSource(DataSource delegate) {
        super(delegate);
    }

    /** Something to run against the database. */
    @FunctionalInterface
    public interface SqlAction {
        void run() throws SQLException;
    }

    /** A connection held back in {@link #getConnection()} until {@link #release()}. */
    public static final class Hold {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until a thread asked for the connection and is being held. */
        public void awaitHeld() throws InterruptedException {
            if (!held.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("nobody asked for a connection");
            }
        }

        public void release() {
            released.countDown();
        }
    }

    /** The next {@link #getConnection()} blocks, with its connection taken, until the hold is released. */
    public Hold holdNextConnection() {
        Hold hold = new Hold();
        if (!nextHold.compareAndSet(null, hold)) {
            throw new IllegalStateException("a connection is already to be held");
        }
        return hold;
    }

    /** Commits made through this data source so far. */
    public int commits() {
        return commits.get();
    }

    /** Every insert that binds {@code streamId} fails, as if the database refused one of its rows. */
    public void refuseInsertsOf(String streamId) {
        refusedStreams.add(streamId);
    }

    /** Runs {@code action} once, right before the first insert binding {@code streamId} is executed. */
    public void beforeInsertOf(String streamId, SqlAction action) {
        beforeInsertOf.put(streamId, action);
    }

    /** The commit after the next {@code skipped} ones commits, then throws as if the connection broke. */
    public void loseTheAnswerOfCommit(int skipped) {
        commitsBeforeLostAnswer.set(skipped);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = scripted(delegate.getConnection());
        Hold hold = nextHold.getAndSet(null);
        if (hold != null) {
            hold.held.countDown();
            try {
                if (!hold.released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("held connection never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while held", e);
            }
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    private Connection scripted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(connection)) {
                        return connection;
                    }
                    if (method.getName().equals("commit")) {
                        invoke(method, connection, args);
                        commits.incrementAndGet();
                        if (commitsBeforeLostAnswer.getAndDecrement() == 0) {
                            throw new SQLException("scripted: connection lost after the commit went through");
                        }
                        return null;
                    }
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith("INSERT INTO ")
                            && ((String) args[0]).contains("_events ")) {
                        return insert((PreparedStatement) result);
                    }
                    return result;
                });
    }

    private PreparedStatement insert(PreparedStatement statement) {
        List<Object> bound = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setString") && args[1] != null) {
                        bound.add(args[1]);
                    }
                    if (method.getName().startsWith("execute")) {
                        for (Object value : bound) {
                            SqlAction action = beforeInsertOf.remove(value);
                            if (action != null) {
                                action.run();
                            }
                        }
                        for (Object value : bound) {
                            if (refusedStreams.contains(value)) {
                                throw new SQLException("scripted: the database refused a row of stream '" + value + "'");
                            }
                        }
                    }
                    return invoke(method, statement, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
