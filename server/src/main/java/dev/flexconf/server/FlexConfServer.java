package dev.flexconf.server;

import dev.flexconf.server.configurations.ConfigurationResource;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.ErrorResponses;
import dev.flexconf.server.http.JettyErrors;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.plugins.PluginResource;
import dev.flexconf.server.releases.ReleaseResource;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.versions.VersionResource;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FlexConf emulator of Twilio's PluginService: an HTTP server over its own SQLite database. Start
 * it with {@link #start(ServerOptions)}; it owns its database and port until {@link #close()}.
 * Thread-safe.
 */
public final class FlexConfServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlexConfServer.class);

    private final Database db;
    private final Javalin app;
    private final String host;

    private FlexConfServer(Database db, Javalin app, String host) {
        this.db = db;
        this.app = app;
        this.host = host;
    }

    /** Opens the database, starts listening and logs one line with URL, database and version. */
    public static FlexConfServer start(ServerOptions options) {
        Database db = options.database() == null ? Database.inMemory() : Database.open(options.database());
        try {
            BaseUrl baseUrl = new BaseUrl(options.baseUrl());
            Paging paging = new Paging(db.secret(), baseUrl);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.prefer405over404 = true;
                config.http.maxRequestSize = 1_000_000L;
                config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
                ErrorResponses.install(config);
                config.routes.before("/v1/*", BasicAuth::authenticate);
                new PluginResource(db, paging, baseUrl).register(config.routes);
                new VersionResource(db, paging, baseUrl).register(config.routes);
                new ConfigurationResource(db, paging, baseUrl).register(config.routes);
                new ReleaseResource(db, paging, baseUrl).register(config.routes);
            });
            app.start(options.host(), options.port());
            FlexConfServer server = new FlexConfServer(db, app, options.host());
            LOG.info("FlexConf {} listening on {} (database {})", Version.get(), server.url(), db.description());
            return server;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The port it listens on (the ephemeral one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:4010}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port();
    }

    /** Stops listening, then closes the database. */
    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
