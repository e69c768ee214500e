package io.factum.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Wraps a data source and counts the connections it hands out and how many are still open. */
public final class CountingDataSource extends ForwardingDataSource {

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();

    public CountingDataSource(DataSource delegate) {
        super(delegate);
    }

    /** Connections handed out so far. */
    public int opened() {
        return opened.get();
    }

    /** Connections handed out and not closed yet. */
    public int open() {
        return open.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(delegate.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        opened.incrementAndGet();
        open.incrementAndGet();
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        synchronized (closed) {
                            if (!closed[0]) {
                                closed[0] = true;
                                open.decrementAndGet();
                            }
                        }
                    }
                    if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(connection)) {
                        return connection;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
