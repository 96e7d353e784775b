package dev.flexconf.server;

import java.nio.file.Path;

/**
 * How to start a {@link FlexConfServer}. Immutable; the {@code with…} methods return changed copies.
 *
 * @param host     the interface to listen on
 * @param port     the port, 0 for an ephemeral one
 * @param database the SQLite file, or null for a private in-memory database
 * @param baseUrl  the public base URL of absolute URLs in responses, or null to take each request's
 */
public record ServerOptions(String host, int port, Path database, String baseUrl) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4010;
    public static final String DEFAULT_DATABASE = "flexconf.db";

    /** 127.0.0.1:4010 with {@code flexconf.db} in the working folder. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, Path.of(DEFAULT_DATABASE), null);
    }

    /** 127.0.0.1 on an ephemeral port with a private in-memory database: for tests. */
    public static ServerOptions ephemeral() {
        return new ServerOptions(DEFAULT_HOST, 0, null, null);
    }

    public ServerOptions withHost(String host) {
        return new ServerOptions(host, port, database, baseUrl);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(host, port, database, baseUrl);
    }

    public ServerOptions withDatabase(Path database) {
        return new ServerOptions(host, port, database, baseUrl);
    }

    public ServerOptions inMemory() {
        return new ServerOptions(host, port, null, baseUrl);
    }

    public ServerOptions withBaseUrl(String baseUrl) {
        return new ServerOptions(host, port, database, baseUrl);
    }
}
