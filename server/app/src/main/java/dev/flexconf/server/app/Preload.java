package dev.flexconf.server.app;

import dev.flexconf.server.HeadStart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The standalone emulator's head start ({@link HeadStart}), with one step more first: SQLite's native
 * library loaded from a private copy (the first thing the main thread's database needs). Used by {@link
 * Main}, which owns the process: it is the only place that sets SQLite's library properties.
 */
final class Preload {
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";

    private Preload() {
    }

    /** Starts the head start, before the command line is parsed. */
    static void start() {
        HeadStart.begin(() -> {
            try {
                loadSqlite();
            } catch (Exception e) {
                // sqlite-jdbc loads it its own way
            }
        });
    }

    /** Every step of the head start; throws what a step threw. */
    static void warmUp() throws Exception {
        loadSqlite();
        HeadStart.warmUp();
    }

    /**
     * Loads SQLite's native library from a private copy, unless the user chose a library. sqlite-jdbc's
     * own loader copies the library out of the jar and then compares the copy with the jar's byte by
     * byte, about 0.14 s of a 2 s start; a bulk copy into a fresh owner-only folder needs no compare.
     * The copy is deleted once loaded (the mapping stays); if anything fails, sqlite-jdbc loads it its
     * own way.
     */
    private static void loadSqlite() throws Exception {
        if (System.getProperty(LIB_PATH) != null || System.getProperty(LIB_NAME) != null) {
            SQLiteJDBCLoader.initialize();
            return;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        Path folder = null;
        Path library = null;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            if (in != null) {
                folder = Files.createTempDirectory("flexconf-sqlite-");
                library = folder.resolve(name);
                Files.copy(in, library);
                System.setProperty(LIB_PATH, folder.toString());
                System.setProperty(LIB_NAME, name);
            }
        } catch (IOException e) {
            // sqlite-jdbc extracts it itself
        }
        try {
            SQLiteJDBCLoader.initialize();
        } finally {
            if (folder != null) {
                System.clearProperty(LIB_PATH);
                System.clearProperty(LIB_NAME);
                Files.deleteIfExists(library);
                Files.deleteIfExists(folder);
            }
        }
    }
}
