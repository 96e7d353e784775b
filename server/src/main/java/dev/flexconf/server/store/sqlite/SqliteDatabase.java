package dev.flexconf.server.store.sqlite;

import dev.flexconf.server.store.DatabaseInUse;
import dev.flexconf.server.store.StorageUnavailable;
import dev.flexconf.server.store.sql.SqlDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite engine, FlexConf's default: a file in WAL mode (readers never wait for the writer; a
 * committed write survives a crash of the process) or a private in-memory database.
 *
 * <p>Writes run one at a time on one writer thread with group commit ({@link Writer}): a caller is
 * answered after the commit that holds its write, and a write that throws leaves nothing behind. Reads
 * of a file database run concurrently on pooled connections ({@link HandlePool}); reads of an in-memory
 * database run on the writer, the one connection that database has. A {@link Checkpointer} copies the
 * WAL into the file beside the writer and has the writer finish between transactions, so no commit waits
 * for a checkpoint and the WAL stays short. Every connection keeps its prepared
 * statements ({@link StatementCache}). The schema is versioned with {@code PRAGMA user_version} and
 * migrated on open; a database newer than this build, or a file that is not a SQLite database, is
 * refused and left untouched. Thread-safe; the owner closes it.
 */
public final class SqliteDatabase extends SqlDatabase {
    private static final String[] MIGRATIONS = {
        "db/sqlite/V1__schema.sql",
        "db/sqlite/V2__drop_configured_plugin_by_configuration.sql",
        "db/sqlite/V3__configuration_keys_by_account.sql",
        "db/sqlite/V4__flex_configuration.sql",
    };
    private static final int READERS = 8;
    /**
     * Pages in the WAL before a commit checkpoints it itself (SQLite's default is 1,000): only a backstop,
     * for a reader that keeps the {@link Checkpointer} from finishing, since a commit that checkpoints
     * stalls every write queued behind it. The checkpointer restarts the log at {@link
     * Checkpointer#RESTART_PAGES}.
     */
    private static final int CHECKPOINT_PAGES = 10_000;
    /** The size a checkpointed WAL file is cut back to. */
    private static final int WAL_LIMIT_BYTES = 64 * 1024 * 1024;

    private final String description;
    private final Writer writer;
    private final HandlePool readers;
    private final Checkpointer checkpointer;
    private final DatabaseLock lock;

    private SqliteDatabase(String description, Jdbi jdbi, Handle writeHandle, boolean inMemory, DatabaseLock lock) {
        this.description = description;
        this.writer = new Writer(writeHandle, "flexconf-writer");
        this.readers = inMemory ? null : new HandlePool(jdbi, READERS);
        this.checkpointer = inMemory ? null : new Checkpointer(jdbi.open(), writer, "flexconf-checkpointer");
        this.lock = lock;
    }

    /**
     * Opens (creating if absent), checks and migrates the database file at {@code file}, holding it for
     * this process alone ({@link DatabaseLock}). Refused, the file untouched: a file held by another
     * FlexConf ({@link DatabaseInUse}), one this user cannot write, one that is not a SQLite database,
     * one that fails SQLite's {@code quick_check}, one of a newer schema.
     */
    public static SqliteDatabase open(Path file) {
        Path absolute = file.toAbsolutePath();
        DatabaseLock lock = DatabaseLock.take(absolute);
        try {
            requireWritable(absolute);
            return opened(absolute.toString(), "jdbc:sqlite:" + absolute, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A new, private, empty in-memory database; it lives until {@link #close()}. */
    public static SqliteDatabase inMemory() {
        return opened(":memory:", "jdbc:sqlite::memory:", null);
    }

    /** A database in WAL mode writes its file and two beside it: the file and its folder must be writable. */
    private static void requireWritable(Path file) {
        Path folder = file.getParent();
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalStateException("Database " + file + " is read-only for this user; FlexConf writes to it."
                    + " It was left untouched");
        }
        if (folder != null && !Files.isWritable(folder)) {
            throw new IllegalStateException("Folder " + folder + " is read-only for this user; FlexConf writes its database"
                    + " and its write-ahead log there");
        }
    }

    private static SqliteDatabase opened(String description, String url, DatabaseLock lock) {
        boolean inMemory = lock == null;
        Jdbi jdbi = Jdbi.create(source(url)).setStatementBuilderFactory(connection -> new StatementCache());
        Handle writeHandle = null;
        try {
            writeHandle = jdbi.open();
            beginImmediate(writeHandle);
            if (!inMemory) {
                requireIntact(writeHandle, description);
            }
            migrate(writeHandle, description);
        } catch (RuntimeException e) {
            if (writeHandle != null) {
                writeHandle.close();
            }
            if (notADatabase(e)) {
                throw new IllegalStateException("File " + description + " is not a FlexConf database; it was left untouched", e);
            }
            throw e;
        }
        return new SqliteDatabase(description, jdbi, writeHandle, inMemory, lock);
    }

    /**
     * Makes the writer's transactions begin IMMEDIATE: a write transaction takes the write lock when it
     * begins (waiting for it if need be), never by upgrading a read, which SQLite refuses at once with
     * {@code SQLITE_BUSY} when the lock is held or the snapshot is stale. Readers keep the source's
     * DEFERRED and never take it. (One Jdbi serves both: one configuration registry to build.)
     */
    private static void beginImmediate(Handle writeHandle) {
        try {
            writeHandle.getConnection().unwrap(SQLiteConnection.class).getConnectionConfig()
                    .setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        } catch (SQLException e) {
            throw new IllegalStateException("not a SQLite connection", e);
        }
    }

    /**
     * SQLite's {@code quick_check}: a file with corrupt pages is refused before anything is written to
     * it, with the way to recover. It reads the whole file once (bench/README.md has its cost).
     */
    private static void requireIntact(Handle h, String description) {
        java.util.List<String> problems = h.createQuery("PRAGMA quick_check(3)").mapTo(String.class).list();
        if (!problems.equals(java.util.List.of("ok"))) {
            throw new IllegalStateException("Database " + description + " is damaged (SQLite's quick_check: "
                    + String.join("; ", problems).replace('\n', ' ') + "). It was left untouched: restore a copy, or recover what is"
                    + " readable with: sqlite3 " + description + " .recover | sqlite3 recovered.db");
        }
    }

    private static boolean notADatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null && t.getMessage().contains("SQLITE_NOTADB")) {
                return true;
            }
        }
        return false;
    }

    private static SQLiteDataSource source(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setWalAutocheckpoint(CHECKPOINT_PAGES);
        config.setJournalSizeLimit(WAL_LIMIT_BYTES);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setGetGeneratedKeys(false); // else every INSERT is followed by a SELECT last_insert_rowid() nobody reads
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    /** The schema version this build writes: the number of migrations it has. */
    public static int schemaVersion() {
        return MIGRATIONS.length;
    }

    /** Its absolute path or {@code :memory:}. */
    @Override
    public String description() {
        return description;
    }

    /**
     * Runs {@code work} in a read transaction: every statement in it sees the same snapshot, one that
     * holds every write committed before it began and none of a write committed after.
     */
    @Override
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (readers == null) {
            return writer.write(work);
        }
        Handle handle = readers.take();
        try {
            return handle.inTransaction(work);
        } finally {
            readers.give(handle);
        }
    }

    /**
     * Runs {@code work} as one write, alone among writers, and returns once it is committed; when it
     * throws, nothing it did is kept and the caller gets the exception.
     */
    @Override
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        try {
            return writer.write(work);
        } catch (RuntimeException e) {
            throw storageFailure(e);
        }
    }

    /** SQLite's full disk ({@code SQLITE_FULL}) or I/O error ({@code SQLITE_IOERR_*}) as {@link StorageUnavailable}; else {@code e}. */
    private RuntimeException storageFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                String code = sqlite.getResultCode().name();
                if (code.equals("SQLITE_FULL")) {
                    return new StorageUnavailable(true, "the disk holding " + description + " is full", e);
                }
                if (code.startsWith("SQLITE_IOERR")) {
                    return new StorageUnavailable(false, "the disk holding " + description + " failed a write (" + code + ")", e);
                }
            }
        }
        return e;
    }

    /** Only this process writes the file ({@link DatabaseLock}): what it caches stays true until it changes it. */
    @Override
    public boolean shared() {
        return false;
    }

    private static void migrate(Handle h, String description) {
        int version = h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        migrate(h, description, MIGRATIONS, version, v -> "PRAGMA user_version = " + v);
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        writer.close();
        if (readers != null) {
            readers.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
