package io.factum.store.postgres;

import io.factum.bus.Registration;
import io.factum.subscription.AppendSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the store's {@code LISTEN/NOTIFY} channel with one dedicated connection and wakes
 * subscriptions when an append commits. If the connection breaks it reconnects after a pause
 * (and wakes everyone, since notifications may have been missed); subscriptions keep polling
 * meanwhile. Uses the PostgreSQL driver's {@link PGConnection} API, reached through
 * {@link Connection#unwrap}, so pooled connections work.
 */
public final class PostgresAppendListener implements AppendSignal, AutoCloseable {

    private static final int RECEIVE_TIMEOUT_MILLIS = 250;
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    private final DataSource dataSource;
    private final String channel;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException lastError;
    private volatile boolean listening;
    private volatile RuntimeException lastWakeFailure;

    PostgresAppendListener(DataSource dataSource, String channel) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.thread = new Thread(this::listen, "factum-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Registration onAppend(Runnable wake) {
        listeners.add(wake);
        return () -> listeners.remove(wake);
    }

    /** Whether the listener is connected and subscribed to the channel right now. */
    public boolean isListening() {
        return listening;
    }

    /** The last connection error, or null; the listener keeps retrying. */
    public SQLException lastError() {
        return lastError;
    }

    /** The last exception a wake-up callback threw, or null; the other callbacks were still woken. */
    public RuntimeException lastWakeFailure() {
        return lastWakeFailure;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    // The channel is the validated table prefix + "events": an identifier, never user data.
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                wakeAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(RECEIVE_TIMEOUT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wakeAll();
                    }
                }
                listening = false;
            } catch (SQLException e) {
                lastError = e;
                listening = false;
                pauseBeforeReconnect();
            }
        }
    }

    /** Wakes every listener; one that throws is skipped, so it cannot end this thread for the others. */
    private void wakeAll() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                lastWakeFailure = e;
            }
        }
    }

    private void pauseBeforeReconnect() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops listening and closes the connection (within a fraction of a second). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(RECEIVE_TIMEOUT_MILLIS * 8L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
