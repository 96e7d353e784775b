package dev.flexconf.server.store.sqlite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's statement builder for one long-lived handle: a prepared statement is compiled by SQLite once
 * per SQL text and reused when Jdbi is done with it (the driver's copies of the bound values dropped;
 * SQLite's own bindings stay, as clearing them makes SQLite compile the statement again). At most
 * {@link #CAPACITY} texts are kept; the least recently used is closed past that. Statements that return
 * generated keys or plain statements (scripts) are not kept. Not thread-safe: it belongs to its handle,
 * which is used by one thread at a time; {@link #close(Connection)} (the handle closing) closes what is
 * kept.
 */
final class StatementCache implements StatementBuilder {
    static final int CAPACITY = 64;

    private final StatementBuilder fallback = new DefaultStatementBuilder();
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return fallback.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys()) {
            return fallback.create(conn, sql, ctx);
        }
        PreparedStatement statement = prepared.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = conn.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return fallback.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (prepared.containsValue(stmt)) { // by identity: Jdbi may finish one under another SQL text
            // Drops the driver's references to the bound values. Not clearParameters(): SQLite's
            // sqlite3_clear_bindings marks the statement expired, and its next step compiles it again.
            ((PreparedStatement) stmt).clearBatch();
        } else {
            fallback.close(conn, sql, stmt);
        }
    }

    @Override
    public void close(Connection conn) {
        prepared.values().forEach(StatementCache::closeQuietly);
        prepared.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // it is being dropped: nothing more can be done with it
        }
    }
}
