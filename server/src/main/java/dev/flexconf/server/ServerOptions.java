package dev.flexconf.server;

import dev.flexconf.server.admin.AdminAccess;
import dev.flexconf.server.frontdoor.CertificateAuthority;
import dev.flexconf.server.http.Credentials;
import dev.flexconf.server.store.postgresql.PostgresDatabase;
import java.nio.file.Path;

/**
 * How to start a {@link FlexConfServer}. Immutable; the {@code with…} methods return changed copies.
 *
 * @param host            the interface to listen on
 * @param port            the port, 0 for an ephemeral one
 * @param database        the SQLite file, or null for a private in-memory database
 * @param baseUrl         the public base URL of absolute URLs in responses, or null to take each request's
 * @param credentials     declared accounts and API keys
 * @param strictAuth      whether only declared credentials pass
 * @param journalCapacity how many requests the journal keeps (0 keeps none)
 * @param logRequests     whether to log one line per API request
 * @param caDir           the folder of FlexConf's own CA, made there on first start, for the TLS and
 *                        CONNECT front door; null for plain HTTP alone
 * @param admin           who may use the admin API under {@code /__flexconf/}
 * @param postgres        a PostgreSQL database shared with other replicas, instead of {@code database};
 *                        or null
 */
public record ServerOptions(String host, int port, Path database, String baseUrl, Credentials credentials,
        boolean strictAuth, int journalCapacity, boolean logRequests, Path caDir, AdminAccess admin, Postgres postgres) {
    /**
     * Where a shared FlexConf keeps its state: a JDBC URL ({@code jdbc:postgresql://host:port/db?…}) and,
     * when not null, the user and password to give besides it. {@link #toString()} shows no password.
     */
    public record Postgres(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Postgres[" + PostgresDatabase.withoutPassword(jdbcUrl) + ", user=" + user + "]";
        }
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4010;
    public static final String DEFAULT_DATABASE = "flexconf.db";
    public static final int DEFAULT_JOURNAL_CAPACITY = 1000;

    /**
     * 127.0.0.1:4010 with {@code flexconf.db} in the working folder, open auth, and the front door's CA
     * in {@code ~/.flexconf/ca}.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_DATABASE), null, Credentials.NONE,
                false, DEFAULT_JOURNAL_CAPACITY, false, CertificateAuthority.defaultDir(), AdminAccess.OPEN, null);
    }

    /** 127.0.0.1 on an ephemeral port with a private in-memory database: for tests. */
    public static ServerOptions ephemeral() {
        return defaults().withPort(0).inMemory();
    }

    public ServerOptions withHost(String host) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    public ServerOptions withDatabase(Path database) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    /** A PostgreSQL database shared with other replicas instead of the SQLite file; null for the file again. */
    public ServerOptions withPostgres(Postgres postgres) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    public ServerOptions inMemory() {
        return withDatabase(null);
    }

    public ServerOptions withBaseUrl(String baseUrl) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    /** Declared credentials; with {@code strict}, only they pass. */
    public ServerOptions withCredentials(Credentials credentials, boolean strict) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strict, journalCapacity, logRequests, caDir, admin, postgres);
    }

    public ServerOptions withJournalCapacity(int journalCapacity) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    public ServerOptions withLogRequests(boolean logRequests) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    /** The CA folder of the TLS and CONNECT front door; null turns the front door off (plain HTTP alone). */
    public ServerOptions withCaDir(Path caDir) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }

    /** Who may use the admin API: {@link AdminAccess#OPEN} (the default), a token, or nobody. */
    public ServerOptions withAdmin(AdminAccess admin) {
        return new ServerOptions(host, port, database, baseUrl, credentials, strictAuth, journalCapacity, logRequests, caDir, admin, postgres);
    }
}
