package dev.flexconf.server.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flexconf.server.store.StorageUnavailable;
import dev.flexconf.server.store.sql.SqlDatabase;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The PostgreSQL engine, for a FlexConf shared by several processes (replicas): every replica opens the
 * same database, and the database is the only state they share.
 *
 * <p>Writes run alone among the writers of every replica: each write transaction first takes one
 * transaction-scoped advisory lock, so the rules it checks see every committed write and no other write
 * runs beside it (the contract of {@link dev.flexconf.server.store.Database#write}, as SQLite's single writer gives it). Reads run
 * at REPEATABLE READ: one snapshot per read. Connections come from a HikariCP pool; when PostgreSQL is
 * down, getting one fails after {@link #CONNECT_TIMEOUT_MS}, and any failure of the connection is a
 * {@link StorageUnavailable} (a 503): the replica keeps running and uses the database again when it is
 * back. The schema is versioned in {@code flexconf_schema} and migrated on open by the first replica that
 * gets there (under a session advisory lock, so concurrent starts do not race); a database with a newer
 * schema, or with tables that are not FlexConf's, is refused untouched. Thread-safe; the owner closes it.
 */
public final class PostgresDatabase extends SqlDatabase {
    private static final String[] MIGRATIONS = {
        "db/postgresql/V1__schema.sql",
    };
    /** The advisory lock every write takes, and the one a migration holds ("FlexConf" in ASCII). */
    private static final long WRITE_LOCK = 0x466c6578436f6e66L;
    private static final long MIGRATION_LOCK = WRITE_LOCK + 1;
    /** How long a request waits for a connection before it is answered 503. */
    static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int POOL_SIZE = 16;
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&]password=)[^&]*");

    private final String description;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private PostgresDatabase(String description, HikariDataSource pool, Jdbi jdbi) {
        this.description = description;
        this.pool = pool;
        this.jdbi = jdbi;
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?…}; {@code user} and {@code
     * password}, when not null, are given besides the URL's own), checks and migrates its schema.
     * Refused: a database that cannot be reached, one of a newer schema, one with foreign tables.
     */
    public static PostgresDatabase open(String jdbcUrl, String user, String password) {
        String description = withoutPassword(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("flexconf-postgresql");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setValidationTimeout(2_000);
        // reads, the most, need no statement of their own to get their snapshot; a write says READ COMMITTED
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "FlexConf");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL at " + description + " cannot be reached: " + rootMessage(e), e);
        }
        try {
            Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
            migrateLocked(jdbi, description);
            return new PostgresDatabase(description, pool, jdbi);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** {@code jdbcUrl} with the value of its {@code password} parameter, if any, masked: for logs. */
    public static String withoutPassword(String jdbcUrl) {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The schema version this build writes: the number of migrations it has. */
    public static int schemaVersion() {
        return MIGRATIONS.length;
    }

    private static void migrateLocked(Jdbi jdbi, String description) {
        try (Handle h = jdbi.open()) {
            h.createQuery("SELECT 1 FROM pg_advisory_lock(:lock)").bind("lock", MIGRATION_LOCK).mapTo(Integer.class).one();
            try {
                migrate(h, description, MIGRATIONS, version(h, description), v -> "UPDATE flexconf_schema SET version = " + v);
            } finally {
                h.createQuery("SELECT pg_advisory_unlock(:lock)").bind("lock", MIGRATION_LOCK).mapTo(Boolean.class).one();
            }
        }
    }

    /** The schema version of the database: 0 when it holds no table at all; refused when it holds foreign ones. */
    private static int version(Handle h, String description) {
        boolean ours = h.createQuery("SELECT to_regclass('flexconf_schema') IS NOT NULL").mapTo(Boolean.class).one();
        if (ours) {
            return h.createQuery("SELECT version FROM flexconf_schema").mapTo(Integer.class).one();
        }
        long tables = h.createQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")
                .mapTo(Long.class).one();
        if (tables > 0) {
            throw new IllegalStateException("Database " + description + " holds tables that are not FlexConf's (schema "
                    + h.createQuery("SELECT current_schema()").mapTo(String.class).one() + "); it was left untouched."
                    + " Give FlexConf a database (or a schema, with currentSchema=) of its own");
        }
        return 0;
    }

    /** Its JDBC URL, without a password. */
    @Override
    public String description() {
        return description;
    }

    /** Runs {@code work} in one REPEATABLE READ transaction (the pool's default): one snapshot. */
    @Override
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            throw storageFailure(e);
        }
    }

    /**
     * Runs {@code work} in a READ COMMITTED transaction that first takes {@link #WRITE_LOCK}: each of its
     * statements then sees every write committed before, and none runs beside it.
     */
    @Override
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(h -> {
                h.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:lock)").bind("lock", WRITE_LOCK).mapTo(Integer.class).one();
                return work.withHandle(h);
            });
        } catch (RuntimeException e) {
            throw storageFailure(e);
        }
    }

    /**
     * A failure to reach PostgreSQL (no connection within the timeout, a connection lost, the server
     * shutting down or starting) or a full disk as {@link StorageUnavailable}; else {@code e}.
     */
    private RuntimeException storageFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return new StorageUnavailable(false, "PostgreSQL at " + description + " is not answering", e);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) {
                    return new StorageUnavailable(true, "the disk of PostgreSQL at " + description + " is full", e);
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return new StorageUnavailable(false, "PostgreSQL at " + description + " is unavailable (" + state + ")", e);
                }
            }
        }
        return e;
    }

    /** Every replica writes it: nothing read from it may be kept past its transaction. */
    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
    }
}
