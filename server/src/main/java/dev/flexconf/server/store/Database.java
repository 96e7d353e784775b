package dev.flexconf.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database behind the emulator: a file in WAL mode (readers never wait for the writer; a
 * committed write survives a crash of the process) or a private in-memory database.
 *
 * <p>Writes run one at a time, each in its own transaction, behind one lock, so no write ever meets
 * {@code SQLITE_BUSY} from another writer of this process. Reads of a file database run concurrently
 * on pooled connections; reads of an in-memory database share the writer's connection and its lock.
 * The schema is versioned with {@code PRAGMA user_version} and migrated on open; a database newer than
 * this build, or a file that is not a SQLite database, is refused and left untouched. Thread-safe; the
 * owner closes it.
 */
public final class Database implements AutoCloseable {
    private static final String[] MIGRATIONS = {"db/V1__schema.sql"};
    private static final int READERS = 8;

    private final String description;
    private final ConnectionPool writerPool;
    private final ConnectionPool readerPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final boolean readsTakeLock;

    private Database(String description, SQLiteDataSource source, boolean inMemory) {
        this.description = description;
        this.writerPool = inMemory ? ConnectionPool.pinned(source) : ConnectionPool.pooled(source, 1);
        this.writer = Jdbi.create(writerPool);
        this.readsTakeLock = inMemory;
        this.readerPool = inMemory ? writerPool : ConnectionPool.pooled(source, READERS);
        this.reader = inMemory ? writer : Jdbi.create(readerPool);
    }

    /** Opens (creating if absent) and migrates the database file at {@code file}. */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        Database db = new Database(absolute.toString(), source("jdbc:sqlite:" + absolute), false);
        return db.migrated();
    }

    /** A new, private, empty in-memory database; it lives until {@link #close()}. */
    public static Database inMemory() {
        return new Database(":memory:", source("jdbc:sqlite::memory:"), true).migrated();
    }

    private static SQLiteDataSource source(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    /** The schema version this build writes: the number of migrations it has. */
    public static int schemaVersion() {
        return MIGRATIONS.length;
    }

    /** What the database is, for logs: its absolute path or {@code :memory:}. */
    public String description() {
        return description;
    }

    /**
     * Runs {@code work} in a read transaction: every statement in it sees the same snapshot, one that
     * holds every write committed before it began and none of a write committed after.
     */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (!readsTakeLock) {
            return reader.inTransaction(work);
        }
        writeLock.lock();
        try {
            return reader.inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} in a transaction, alone among writers: it commits when {@code work} returns and
     * rolls back when it throws, so a rejected request leaves nothing behind.
     */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        writeLock.lock();
        try {
            return writer.inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** The random secret this database signs page tokens with, made once and kept in the database. */
    public byte[] secret() {
        String hex = write(h -> {
            String existing = h.createQuery("SELECT value FROM setting WHERE name = 'page_token_secret'")
                    .mapTo(String.class).findOne().orElse(null);
            if (existing != null) {
                return existing;
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String value = HexFormat.of().formatHex(fresh);
            h.execute("INSERT INTO setting (name, value) VALUES ('page_token_secret', ?)", value);
            return value;
        });
        return HexFormat.of().parseHex(hex);
    }

    private Database migrated() {
        try {
            writeLock.lock();
            try (Handle h = writer.open()) {
                int version = h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
                if (version > MIGRATIONS.length) {
                    throw new IllegalStateException("Database " + description + " has schema version " + version
                            + ", newer than this FlexConf understands (" + MIGRATIONS.length
                            + "); it was left untouched");
                }
                for (int next = version; next < MIGRATIONS.length; next++) {
                    String script = resource(MIGRATIONS[next]);
                    int target = next + 1;
                    h.useTransaction(t -> {
                        t.createScript(script).execute();
                        t.execute("PRAGMA user_version = " + target);
                    });
                }
            } finally {
                writeLock.unlock();
            }
            return this;
        } catch (RuntimeException e) {
            close();
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("SQLITE_NOTADB")) {
                throw new IllegalStateException("File " + description + " is not a FlexConf database; it was left untouched", e);
            }
            throw e;
        }
    }

    private static String resource(String name) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    @Override
    public void close() {
        writerPool.close();
        readerPool.close();
    }
}
