package dev.flexconf.conformance.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;

/**
 * FlexConf's runnable jar ({@code -Dflexconf.serverJar}, built by server/app) started as its own process
 * with a database and a CA folder in {@code dir}; stopped by {@link #close()}. Its state is read over
 * plain HTTP, beside the tools that reach it through the front door. Not thread-safe.
 */
final class EmulatorProcess implements AutoCloseable {
    private final ServerProcess process;
    private final Http http;

    private EmulatorProcess(ServerProcess process) {
        this.process = process;
        this.http = new Http(process.url());
    }

    static EmulatorProcess start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("flexconf.serverJar", "../server/app/target/flexconf-server.jar"));
        return new EmulatorProcess(ServerProcess.jar(jar, dir.resolve("server.log"),
                "--db", dir.resolve("flexconf.db").toString(), "--ca-dir", dir.resolve("ca").toString()));
    }

    /** GET {@code path} as {@code account} (none if null) over plain HTTP; the JSON answer, which must be a 200. */
    JsonNode get(String account, String path) {
        Http.Reply reply = account == null ? http.get(path) : http.get(path, Http.basic(account, "token"));
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + reply.status() + ": " + reply.raw().body());
        }
        return reply.json();
    }

    /** The front door's set-up as FlexConf advertises it ({@code GET /__flexconf/proxy}). */
    JsonNode proxySetup() {
        return get(null, "/__flexconf/proxy");
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
