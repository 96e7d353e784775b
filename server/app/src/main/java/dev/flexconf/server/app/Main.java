package dev.flexconf.server.app;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.StartException;
import dev.flexconf.server.Version;
import dev.flexconf.server.admin.AdminAccess;
import dev.flexconf.server.frontdoor.CertificateAuthority;
import dev.flexconf.server.http.Credentials;
import dev.flexconf.server.http.TwilioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar flexconf-server.jar}: runs the emulator until the process is stopped; {@code
 * java -jar flexconf-server.jar snapshot …} copies an account instead ({@link SnapshotCommand}).
 */
@Command(name = "flexconf-server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Emulates Twilio Flex's PluginService API over a SQLite database (or a PostgreSQL one shared by replicas).",
        subcommands = SnapshotCommand.class,
        showDefaultValues = true)
public final class Main implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "${env:FLEXCONF_HOST:-" + ServerOptions.DEFAULT_HOST + "}",
            description = "Interface to listen on (env FLEXCONF_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:FLEXCONF_PORT:-" + ServerOptions.DEFAULT_PORT + "}",
            description = "Port to listen on, 0 for any free one (env FLEXCONF_PORT).")
    int port;

    @ArgGroup(exclusive = true)
    Storage storage = new Storage();

    /**
     * Where the data lives: one of a file or memory. Picocli applies no defaults to a group that the
     * arguments do not use, so the environment is read by the field initializers, the one place.
     */
    static final class Storage {
        @Option(names = "--db", paramLabel = "FILE|URL",
                description = "SQLite database file, created when absent; or a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:port/db?user=…&password=…) shared by replicas (env FLEXCONF_DB).")
        String database = System.getenv().getOrDefault("FLEXCONF_DB", ServerOptions.DEFAULT_DATABASE);

        @Option(names = "--in-memory",
                description = "Keep everything in memory instead of a file (env FLEXCONF_IN_MEMORY).")
        boolean inMemory = Boolean.parseBoolean(System.getenv().getOrDefault("FLEXCONF_IN_MEMORY", "false"));
    }

    @Option(names = "--base-url", defaultValue = "${env:FLEXCONF_BASE_URL}",
            description = "Public base URL for absolute URLs in responses; default: each request's own (env FLEXCONF_BASE_URL).")
    String baseUrl;

    @Option(names = "--seed", paramLabel = "FILE", defaultValue = "${env:FLEXCONF_SEED}",
            description = "Seed document (JSON, as POST /__flexconf/seed takes it, or an array of them) to load at start (env FLEXCONF_SEED).")
    Path seed;

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:FLEXCONF_CREDENTIALS}",
            description = "JSON file declaring accounts (account_sid, auth_token) and API keys (sid, secret, account_sid) (env FLEXCONF_CREDENTIALS).")
    Path credentials;

    @Option(names = "--strict-auth", defaultValue = "${env:FLEXCONF_STRICT_AUTH:-false}",
            description = "Accept only the declared credentials (env FLEXCONF_STRICT_AUTH).")
    boolean strictAuth;

    @Option(names = "--log-requests", defaultValue = "${env:FLEXCONF_LOG_REQUESTS:-false}",
            description = "Log one line per API request (env FLEXCONF_LOG_REQUESTS).")
    boolean logRequests;

    @Option(names = "--journal-size", defaultValue = "${env:FLEXCONF_JOURNAL_SIZE:-" + ServerOptions.DEFAULT_JOURNAL_CAPACITY + "}",
            description = "How many API requests the journal keeps (env FLEXCONF_JOURNAL_SIZE).")
    int journalSize;

    @Option(names = "--ca-dir", paramLabel = "DIR", defaultValue = "${env:FLEXCONF_CA_DIR}",
            description = "Folder of FlexConf's own CA for HTTPS and CONNECT as flex-api.twilio.com, made on first start; default ~/.flexconf/ca (env FLEXCONF_CA_DIR).")
    Path caDir;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:FLEXCONF_ADMIN_TOKEN}",
            description = "Every admin call but health must carry Authorization: Bearer TOKEN (env FLEXCONF_ADMIN_TOKEN).")
    String adminToken;

    @Option(names = "--no-admin", defaultValue = "${env:FLEXCONF_NO_ADMIN:-false}",
            description = "No admin API under /__flexconf/ at all (env FLEXCONF_NO_ADMIN).")
    boolean noAdmin;

    @Option(names = "--no-front-door", defaultValue = "${env:FLEXCONF_NO_FRONT_DOOR:-false}",
            description = "Plain HTTP only: no HTTPS, no CONNECT, no CA (env FLEXCONF_NO_FRONT_DOOR).")
    boolean noFrontDoor;

    /**
     * slf4j-simple's settings for the standalone server, each unless the command line set it. They live
     * here rather than in a {@code simplelogger.properties} of the jar, which would also configure the
     * logging of any project that embeds the server and uses slf4j-simple itself.
     */
    static final Map<String, String> LOGGING = Map.of(
            "org.slf4j.simpleLogger.defaultLogLevel", "info",
            "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
            "org.slf4j.simpleLogger.log.io.javalin", "warn",
            // its warnings of each broken connection (with a stack trace) while PostgreSQL is away: our own
            // one line per refused request says it
            "org.slf4j.simpleLogger.log.com.zaxxer.hikari", "error",
            // its "Failed to start" with a stack trace: the start's failure is our one line on stderr
            "org.slf4j.simpleLogger.log.io.javalin.Javalin", "off",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true");

    public static void main(String[] args) {
        LOGGING.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        if (args.length == 0 || !args[0].equals(SnapshotCommand.NAME)) {
            Preload.start();
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The options these arguments describe; a bad credentials file is an IllegalArgumentException. */
    ServerOptions options() {
        if (strictAuth && credentials == null) {
            throw new IllegalArgumentException("--strict-auth needs --credentials FILE");
        }
        Credentials declared = credentials == null ? Credentials.NONE : Credentials.read(credentials);
        return ServerOptions.defaults()
                .withHost(host)
                .withPort(port)
                .withDatabase(storage.inMemory || isJdbcUrl(storage.database) ? null : Path.of(storage.database))
                .withPostgres(storage.inMemory || !isJdbcUrl(storage.database) ? null : new ServerOptions.Postgres(storage.database,
                        System.getenv("FLEXCONF_DB_USER"), System.getenv("FLEXCONF_DB_PASSWORD")))
                .withBaseUrl(baseUrl)
                .withCredentials(declared, strictAuth)
                .withJournalCapacity(journalSize)
                .withLogRequests(logRequests)
                .withCaDir(noFrontDoor ? null : caDir != null ? caDir : CertificateAuthority.defaultDir())
                .withAdmin(noAdmin ? AdminAccess.OFF : adminToken == null ? AdminAccess.OPEN : AdminAccess.token(adminToken));
    }

    /** A {@code --db} that names a PostgreSQL database rather than a SQLite file. */
    static boolean isJdbcUrl(String db) {
        if (db.startsWith("jdbc:") && !db.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db " + db + ": the JDBC URLs FlexConf takes are jdbc:postgresql: ones");
        }
        return db.startsWith("jdbc:postgresql:");
    }

    @Override
    public Integer call() throws InterruptedException {
        // a signal during the start stops the server as soon as it has started (the JVM's default, before
        // these handlers, was exit 143 without a drain)
        CountDownLatch stop = new CountDownLatch(1);
        Stopping.onSignals(stop::countDown);
        FlexConfServer server;
        try {
            server = FlexConfServer.start(options());
        } catch (StartException e) {
            System.err.println("flexconf-server: " + e.getMessage());
            return exitCode(e.step());
        } catch (IllegalArgumentException e) {
            System.err.println("flexconf-server: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (seed != null) {
            try {
                seedFrom(server, seed);
            } catch (IOException | TwilioException e) {
                System.err.println("flexconf-server: seed " + seed + ": " + e.getMessage());
                server.close();
                return EXIT_SEED;
            }
        }
        HeapGuard.install();
        // any other way out (System.exit elsewhere, SIGHUP, -Xrs) still drains
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "flexconf-shutdown"));
        stop.await();
        server.close();
        return 0;
    }

    /** Exit codes of a start that failed, one per cause (picocli's own for bad arguments: 2). */
    static final int EXIT_USAGE = 2;
    static final int EXIT_DATABASE = 3;
    static final int EXIT_DATABASE_IN_USE = 4;
    static final int EXIT_CERTIFICATE_AUTHORITY = 5;
    static final int EXIT_LISTEN = 6;
    static final int EXIT_SEED = 7;
    /** Not a start failure: the heap ran out while serving ({@link HeapGuard}). */
    static final int EXIT_OUT_OF_MEMORY = 8;

    static int exitCode(StartException.Step step) {
        return switch (step) {
            case DATABASE -> EXIT_DATABASE;
            case DATABASE_IN_USE -> EXIT_DATABASE_IN_USE;
            case CERTIFICATE_AUTHORITY -> EXIT_CERTIFICATE_AUTHORITY;
            case LISTEN -> EXIT_LISTEN;
        };
    }

    /** Loads a seed file: one document, or an array of them. */
    static void seedFrom(FlexConfServer server, Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        var tree = dev.flexconf.server.http.Json.MAPPER.readTree(json);
        if (tree != null && tree.isArray()) {
            for (var doc : tree) {
                server.seed(doc.toString());
            }
        } else {
            server.seed(json);
        }
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flexconf-server " + Version.get()};
        }
    }
}
