package dev.flexconf.server.app;

import dev.flexconf.server.configurations.ConfigurationViews;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import io.javalin.Javalin;
import io.javalin.jetty.JettyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * A head start for the standalone emulator: while the main thread parses the command line, opens the
 * database and starts Javalin, a second thread loads and initialises what it needs next: SQLite's
 * native library (the first connection), Jdbi's check for Java Flight Recorder (the first statement;
 * about 0.13 s), Jetty and Javalin, Jackson with the generated models (the first answer), HMAC and the
 * random source of sids. Nothing it makes is kept; a failure only loses the head start, which is why
 * {@link #warmUp()} is tested on its own. Used by {@link Main}, which owns the process: it is the only
 * place that sets SQLite's library properties.
 */
final class Preload {
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    /** Jdbi's internal class whose initialisation asks whether Flight Recorder is available and registers its event. */
    private static final String JDBI_JFR_SUPPORT = "org.jdbi.v3.core.statement.internal.JfrSupport";

    private Preload() {
    }

    /**
     * Starts the head start. SLF4J is initialised first, on the caller's thread: initialised by two
     * threads at once (this one's Jetty and the caller's server), it handed out a logger that dropped
     * the server's start line.
     */
    static void start() {
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(Preload::run, "flexconf-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            warmUp();
        } catch (Exception | LinkageError e) {
            // only a head start: the main thread loads whatever this did not
        }
    }

    /** Every step of the head start, in the order the main thread needs them; throws what a step threw. */
    static void warmUp() throws Exception {
        loadSqlite();
        Class.forName(JDBI_JFR_SUPPORT);
        Server server = JettyServer.Companion.defaultServer(JettyServer.Companion.defaultThreadPool(false));
        server.addConnector(new ServerConnector(server));
        Javalin.create(config -> config.startup.showJavalinBanner = false);
        Json.bytes(ConfigurationViews.configuration(new ConfigurationRow(0, "FJ00000000000000000000000000000000",
                "AC00000000000000000000000000000000", "preload", null, false, 0), "http://127.0.0.1"));
        Mac.getInstance("HmacSHA256").init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        UUID.randomUUID();
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
