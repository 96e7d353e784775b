package dev.flexconf.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections for Jdbi. A pool keeps up to {@code capacity} idle connections for reuse, opens a
 * new one when none is idle and closes a returned one when full; a pinned pool hands out its one
 * connection forever (an in-memory database lives exactly as long as that connection). Thread-safe
 * for handing out and returning; a pinned connection must be used by one thread at a time, which the
 * owner guarantees. {@link #close()} closes what is held.
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {
    private final SQLiteDataSource source;
    private final BlockingQueue<Connection> idle;
    private final Connection pinned;

    private ConnectionPool(SQLiteDataSource source, int capacity, Connection pinned) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.pinned = pinned;
    }

    static ConnectionPool pooled(SQLiteDataSource source, int capacity) {
        return new ConnectionPool(source, capacity, null);
    }

    static ConnectionPool pinned(SQLiteDataSource source) {
        try {
            return new ConnectionPool(source, 1, source.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory SQLite database", e);
        }
    }

    @Override
    public Connection openConnection() throws SQLException {
        if (pinned != null) {
            return pinned;
        }
        Connection connection = idle.poll();
        return connection != null ? connection : source.getConnection();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (connection == pinned) {
            return;
        }
        if (connection.isClosed() || !connection.getAutoCommit() || !idle.offer(connection)) {
            connection.close();
        }
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
        if (pinned != null) {
            closeQuietly(pinned);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // shutting down: nothing more can be done with it
        }
    }
}
