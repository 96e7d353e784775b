package dev.flexconf.server.testkit;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server fixture of FlexConf's own tests: a {@link FlexConfServer} on 127.0.0.1 and a free port,
 * with a folder of its own for files. In a static {@code @RegisterExtension} field one server serves
 * the whole class; in an instance field each test gets a fresh one. Owns the server and the folder;
 * not thread-safe (JUnit calls it from one thread per class).
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Function<Path, ServerOptions> options;
    private FlexConfServer server;
    private Path dir;
    private boolean perClass;

    /** {@code options} gets the server's own folder (for a database file, say). */
    public RunningServer(Function<Path, ServerOptions> options) {
        this.options = options;
    }

    /** An in-memory server without the front door: {@link ServerOptions#ephemeral()}. */
    public RunningServer() {
        this(dir -> ServerOptions.ephemeral());
    }

    public FlexConfServer server() {
        return server;
    }

    public String url() {
        return server.url();
    }

    /** A plain HTTP client of it. */
    public Http http() {
        return new Http(server.url());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws IOException {
        dir = Files.createTempDirectory("flexconf-test-");
        server = FlexConfServer.start(options.apply(dir));
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = null;
        }
    }
}
