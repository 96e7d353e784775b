package dev.flexconf.server;

import dev.flexconf.model.ProxySetup;
import dev.flexconf.model.SeedResult;
import dev.flexconf.server.admin.AdminResource;
import dev.flexconf.server.configurations.ConfigurationCache;
import dev.flexconf.server.configurations.ConfigurationResource;
import dev.flexconf.server.configurations.Configurations;
import dev.flexconf.server.faults.Faults;
import dev.flexconf.server.flexconfiguration.FlexConfigurationResource;
import dev.flexconf.server.flexconfiguration.FlexConfigurations;
import dev.flexconf.server.frontdoor.FrontDoor;
import dev.flexconf.server.frontdoor.TwilioHosts;
import dev.flexconf.server.http.BaseUrl;
import dev.flexconf.server.http.BasicAuth;
import dev.flexconf.server.http.ErrorResponses;
import dev.flexconf.server.http.Form;
import dev.flexconf.server.http.JettyErrors;
import dev.flexconf.server.http.Operation;
import dev.flexconf.server.http.Operations;
import dev.flexconf.server.http.Paging;
import dev.flexconf.server.http.WholeBodies;
import dev.flexconf.server.journal.Recorder;
import dev.flexconf.server.journal.RequestJournal;
import dev.flexconf.server.plugins.PluginResource;
import dev.flexconf.server.plugins.Plugins;
import dev.flexconf.server.releases.ReleaseResource;
import dev.flexconf.server.releases.Releases;
import dev.flexconf.server.seed.Accounts;
import dev.flexconf.server.store.Database;
import dev.flexconf.server.store.DatabaseInUse;
import dev.flexconf.server.store.postgresql.PostgresDatabase;
import dev.flexconf.server.store.sqlite.SqliteDatabase;
import dev.flexconf.server.versions.PluginVersions;
import dev.flexconf.server.versions.VersionResource;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FlexConf emulator of Twilio's PluginService: an HTTP server over its own SQLite database, with
 * an admin API under {@code /__flexconf/}. Start it with {@link #start(ServerOptions)}; it owns its
 * database, port, request journal and faults until {@link #close()}. Thread-safe.
 */
public final class FlexConfServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlexConfServer.class);
    /** How many configurations are kept as ready JSON (about 0.5 KB each). */
    static final int CACHED_CONFIGURATIONS = 10_000;

    private final Database db;
    private final Javalin app;
    private final String host;
    private final AdminResource admin;
    private final RequestJournal journal;
    private final Faults faults;
    private final AtomicReference<ProxySetup> proxySetup;
    private final Server jetty;
    private final GracefulHandler graceful;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FlexConfServer(Database db, Javalin app, String host, AdminResource admin, RequestJournal journal, Faults faults,
            AtomicReference<ProxySetup> proxySetup, Server jetty, GracefulHandler graceful) {
        this.db = db;
        this.app = app;
        this.host = host;
        this.admin = admin;
        this.journal = journal;
        this.faults = faults;
        this.proxySetup = proxySetup;
        this.jetty = jetty;
        this.graceful = graceful;
    }

    /**
     * Opens the database (and, with a CA folder, the front door beside it), starts listening and logs
     * one line with URL, database and version; with the front door, a second with the block to copy.
     */
    public static FlexConfServer start(ServerOptions options) {
        HeadStart.begin(() -> { });
        CompletableFuture<FrontDoor> opening = openFrontDoor(options.caDir());
        boolean existed = options.postgres() != null || options.database() == null || Files.exists(options.database());
        Database db;
        try {
            db = options.postgres() != null
                    ? PostgresDatabase.open(options.postgres().jdbcUrl(), options.postgres().user(), options.postgres().password())
                    : options.database() == null ? SqliteDatabase.inMemory() : SqliteDatabase.open(options.database());
        } catch (RuntimeException e) {
            opening.cancel(false);
            throw new StartException(e instanceof DatabaseInUse ? StartException.Step.DATABASE_IN_USE : StartException.Step.DATABASE, e);
        }
        try {
            FrontDoor frontDoor;
            try {
                frontDoor = joined(opening);
            } catch (RuntimeException e) {
                throw new StartException(StartException.Step.CERTIFICATE_AUTHORITY, e);
            }
            BaseUrl baseUrl = new BaseUrl(options.baseUrl());
            Paging paging = new Paging(db.secret(), baseUrl);
            BasicAuth auth = new BasicAuth(options.credentials(), options.strictAuth());
            RequestJournal journal = new RequestJournal(options.journalCapacity());
            Recorder recorder = new Recorder(journal, options.logRequests());
            AtomicReference<Server> jetty = new AtomicReference<>();
            AtomicReference<GracefulHandler> graceful = new AtomicReference<>();
            Faults faults = new Faults(task -> jetty.get().getThreadPool().execute(task));
            // replicas of one database are told of nobody's changes but their own: they keep no JSON
            ConfigurationCache cache = new ConfigurationCache(db.shared() ? 0 : CACHED_CONFIGURATIONS);
            AtomicReference<ProxySetup> proxySetup = new AtomicReference<>();
            AdminResource admin = new AdminResource(new Accounts(db, cache), journal, faults, baseUrl,
                    frontDoor == null ? null : frontDoor.ca(), proxySetup::get, options.admin(), publicHost(options.baseUrl()));
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.prefer405over404 = true;
                config.http.maxRequestSize = Form.MAX_BYTES;
                config.jetty.modifyServer(server -> {
                    jetty.set(server);
                    server.setErrorHandler(new JettyErrors());
                    // a stop lets the requests in flight finish and answer; bodies are read whole before any
                    // handler runs, without a thread (Javalin nests its handler inside these two)
                    graceful.set(new GracefulHandler());
                    graceful.get().setHandler(new WholeBodies(Form.MAX_BYTES, AdminResource.MAX_BODY_BYTES));
                    server.setHandler(graceful.get());
                });
                if (frontDoor != null) {
                    config.jetty.addConnector((server, http) -> frontDoor.connector(server, http, options.host(), options.port()));
                }
                ErrorResponses.install(config);
                config.routes.before("/v1/*", ctx -> {
                    recorder.start(ctx);
                    Form.refuseOversized(ctx);
                    auth.authenticate(ctx);
                });
                config.routes.after("/v1/*", recorder::finish);
                Operations operations = new Operations(config.routes, faults::apply);
                new PluginResource(new Plugins(db, cache), paging, baseUrl).register(operations);
                new VersionResource(new PluginVersions(db, cache), paging, baseUrl).register(operations);
                new ConfigurationResource(new Configurations(db, cache), paging, baseUrl).register(operations);
                new ReleaseResource(new Releases(db), paging, baseUrl).register(operations);
                new FlexConfigurationResource(new FlexConfigurations(db), baseUrl).register(operations);
                if (options.admin().enabled()) {
                    admin.register(config.routes);
                }
            });
            try {
                if (frontDoor == null) {
                    app.start(options.host(), options.port());
                } else {
                    app.start();
                }
            } catch (RuntimeException e) {
                throw new StartException(StartException.Step.LISTEN, e);
            }
            FlexConfServer server = new FlexConfServer(db, app, options.host(), admin, journal, faults, proxySetup,
                    jetty.get(), graceful.get());
            LOG.info("FlexConf {} listening on {} (database {}{}{})", Version.get(), server.url(), db.description(),
                    options.strictAuth() ? ", strict auth" : "",
                    frontDoor == null ? "" : "; also HTTPS and CONNECT as " + TwilioHosts.FLEX_API + ", CA in " + frontDoor.ca().dir());
            admin.warnIfOpen(options.host());
            if (frontDoor != null) {
                proxySetup.set(frontDoor.setup(server.loopbackHost(), server.port()));
                LOG.info("{}", FrontDoor.setupText(proxySetup.get()));
            }
            return server;
        } catch (RuntimeException e) {
            db.close();
            if (!existed) {
                deleteMade(options.database());
            }
            throw e;
        }
    }

    private static String publicHost(String baseUrl) {
        return baseUrl == null ? null : URI.create(baseUrl).getHost();
    }

    /** Opens the front door (its CA and TLS) on a thread of its own, beside the database; none without a CA folder. */
    private static CompletableFuture<FrontDoor> openFrontDoor(Path caDir) {
        if (caDir == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> FrontDoor.open(caDir), task -> {
            Thread thread = new Thread(task, "flexconf-front-door");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The opened front door, or its failure as thrown. */
    private static FrontDoor joined(CompletableFuture<FrontDoor> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Deletes a database this start made, and its WAL files: a failed start leaves no file that was not there. */
    private static void deleteMade(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // best effort: the start fails either way
            }
        }
    }

    /** The port it listens on (the ephemeral one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:4010}. */
    public String url() {
        String h = loopbackHost();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
    }

    /** The host a local client reaches it at: its interface, or 127.0.0.1 when it listens on all. */
    String loopbackHost() {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }

    /** Deletes every account's resources, journal entries and faults, atomically. */
    public void reset() {
        admin.reset(null);
    }

    /** Deletes one account's resources, journal entries and faults, atomically. */
    public void reset(String accountSid) {
        admin.reset(accountSid);
    }

    /** Loads a seed document (JSON, as {@code POST /__flexconf/seed} takes it); all of it or nothing. */
    public SeedResult seed(String json) {
        return admin.seed(Accounts.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), url());
    }

    /**
     * How to reach it as {@code https://flex-api.twilio.com} (proxy, CA files, settings per tool), as
     * {@code GET /__flexconf/proxy} answers it; empty when it was started without its front door.
     */
    public Optional<ProxySetup> proxySetup() {
        return Optional.ofNullable(proxySetup.get());
    }

    /** A route it serves: an HTTP method, a path, and the operationId of an API route (null for the admin API). */
    record Route(String method, String path, String operationId) {
    }

    /** Every route it serves, what {@code SpecRoutesTest} compares with {@code plugin-service.yaml}. */
    List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> {
                    Operation operation = endpoint.metadata(Operation.class);
                    return new Route(endpoint.method.name(), endpoint.path, operation == null ? null : operation.id());
                })
                .toList();
    }

    /** The request journal. */
    public RequestJournal journal() {
        return journal;
    }

    /** The fault rules. */
    public Faults faults() {
        return faults;
    }

    /**
     * Stops listening, lets the requests in flight finish and answer (up to {@link #DRAIN}; those held by a
     * delay fault are answered 503 at once), then closes the database. Only the first call does so; any
     * later one returns at once.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            faults.stopping();
            drain();
            app.stop();
            db.close();
        }
    }

    /**
     * Stops accepting and waits (up to {@link #DRAIN}) for the requests in flight alone; the stop that
     * follows closes the connections at once. (Jetty's own graceful stop also waited for idle keep-alive
     * connections: 2 s for any client that pools them, at every JUnit class's end.)
     */
    private void drain() {
        for (Connector connector : jetty.getConnectors()) {
            connector.shutdown();
        }
        try {
            graceful.shutdown().get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // stopped anyway: what still runs is cut off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jetty.setStopTimeout(0);
    }

    /** How long {@link #close()} waits for the requests in flight to finish and answer. */
    public static final Duration DRAIN = Duration.ofSeconds(10);
}
