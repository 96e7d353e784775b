package dev.flexconf.server;

import dev.flexconf.server.configurations.ConfigurationViews;
import dev.flexconf.server.http.Json;
import dev.flexconf.server.store.ConfigurationStore.ConfigurationRow;
import io.javalin.Javalin;
import io.javalin.jetty.JettyServer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;

/**
 * The first start's head start: while the starting thread opens the database (SQLite's library, Jdbi,
 * the migrations), a second thread loads and initialises what the start and the first answer need next:
 * Jdbi's check for Java Flight Recorder (about 0.13 s), Jetty and Javalin, Jackson with the generated
 * models, HMAC and the random source of sids. Once per JVM (a JUnit suite's first emulator, the jar's
 * start); nothing it makes is kept, and a failure only loses the head start, which is why {@link
 * #warmUp()} is tested on its own. Thread-safe.
 */
public final class HeadStart {
    /** Jdbi's internal class whose initialisation asks whether Flight Recorder is available and registers its event. */
    private static final String JDBI_JFR_SUPPORT = "org.jdbi.v3.core.statement.internal.JfrSupport";
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private HeadStart() {
    }

    /**
     * Runs {@code first} and then {@link #warmUp()} on a daemon thread, unless a head start has begun in
     * this JVM already. SLF4J is initialised first, on the caller's thread: initialised by two threads at
     * once, it handed out a logger that dropped the server's start line.
     */
    public static void begin(Runnable first) {
        if (!BEGUN.compareAndSet(false, true)) {
            return;
        }
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(() -> {
            try {
                first.run();
                warmUp();
            } catch (Exception | LinkageError e) {
                // only a head start: the starting thread loads whatever this did not
            }
        }, "flexconf-head-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every step of the head start, in the order a start needs them; throws what a step threw. */
    public static void warmUp() throws Exception {
        Class.forName(JDBI_JFR_SUPPORT);
        Server server = JettyServer.Companion.defaultServer(JettyServer.Companion.defaultThreadPool(false));
        server.addConnector(new ServerConnector(server));
        Javalin.create(config -> config.startup.showJavalinBanner = false);
        Json.bytes(ConfigurationViews.configuration(new ConfigurationRow(0, "FJ00000000000000000000000000000000",
                "AC00000000000000000000000000000000", "head start", null, false, 0), "http://127.0.0.1"));
        Mac.getInstance("HmacSHA256").init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        UUID.randomUUID();
    }
}
