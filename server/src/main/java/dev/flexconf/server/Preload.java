package dev.flexconf.server;

import dev.flexconf.server.configurations.ConfigurationViews;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import io.javalin.Javalin;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteJDBCLoader;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A head start for the standalone emulator: while the main thread parses the command line and opens
 * the database, a second thread loads and initialises what comes next (SQLite's native library, Jdbi,
 * Jetty, Javalin, Jackson with the generated models, HMAC and the random source of sids), so start-up uses both cores of a small machine. Nothing it makes is kept; a failure here only loses the head start. Used by {@link Main}.
 */
final class Preload {
    private Preload() {
    }

    static void start() {
        Thread thread = new Thread(Preload::run, "flexconf-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            SQLiteJDBCLoader.initialize();
            Jdbi.create(new SQLiteDataSource());
            new Server(new QueuedThreadPool()).addConnector(new ServerConnector(new Server()));
            Javalin.create(config -> config.startup.showJavalinBanner = false);
            Json.bytes(ConfigurationViews.configuration(new ConfigurationRow(0, "FJ00000000000000000000000000000000",
                    "AC00000000000000000000000000000000", "preload", null, false, 0), "http://127.0.0.1"));
            Mac.getInstance("HmacSHA256").init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            UUID.randomUUID();
        } catch (Exception | LinkageError e) {
            // only a head start: the main thread loads whatever this did not
        }
    }
}
