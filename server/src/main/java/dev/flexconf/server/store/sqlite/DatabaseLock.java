package dev.flexconf.server.store.sqlite;

import dev.flexconf.server.store.DatabaseInUse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One FlexConf per database file: an exclusive lock on {@code <file>.lock}, taken before SQLite opens
 * the file (so two starts never race a migration) and held until {@link #close()}. Two processes on one
 * file would each serve their own caches, stale to the other's writes. The lock file names the holder's
 * process id and stays beside the database (removing it could let two holders in); the operating system
 * releases the lock when its holder dies, kill -9 included. Not thread-safe; owned by its database.
 */
final class DatabaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code database}. */
    static Path fileOf(Path database) {
        return Path.of(database + ".lock");
    }

    /** Takes the lock of {@code database}, or refuses with a message naming the file and, if known, the holder. */
    static DatabaseLock take(Path database) {
        Path file = fileOf(database);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (a second server in one JVM)
        } catch (IOException e) {
            close(channel);
            throw new IllegalStateException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new DatabaseInUse("Database " + database + " is in use by another FlexConf" + holder
                    + "; one process per file (stop it, or give this one another --db)");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException e) {
            // the holder's pid is a courtesy for the next one's message
        }
        return new DatabaseLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked through it
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
