package dev.flexconf.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar flexconf-server.jar}: runs the emulator until the process is stopped. */
@Command(name = "flexconf-server", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Emulates Twilio Flex's PluginService API over a SQLite database.",
        showDefaultValues = true)
public final class Main implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "${env:FLEXCONF_HOST:-" + ServerOptions.DEFAULT_HOST + "}",
            description = "Interface to listen on (env FLEXCONF_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:FLEXCONF_PORT:-" + ServerOptions.DEFAULT_PORT + "}",
            description = "Port to listen on, 0 for any free one (env FLEXCONF_PORT).")
    int port;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "${env:FLEXCONF_DB:-" + ServerOptions.DEFAULT_DATABASE + "}",
            description = "SQLite database file, created when absent (env FLEXCONF_DB).")
    Path database;

    @Option(names = "--in-memory", defaultValue = "${env:FLEXCONF_IN_MEMORY:-false}",
            description = "Keep everything in memory instead of a file (env FLEXCONF_IN_MEMORY).")
    boolean inMemory;

    @Option(names = "--base-url", defaultValue = "${env:FLEXCONF_BASE_URL}",
            description = "Public base URL for absolute URLs in responses; default: each request's own (env FLEXCONF_BASE_URL).")
    String baseUrl;

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = new ServerOptions(host, port, inMemory ? null : database, baseUrl);
        FlexConfServer server;
        try {
            server = FlexConfServer.start(options);
        } catch (IllegalStateException e) {
            System.err.println("flexconf-server: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "flexconf-shutdown"));
        stopped.await();
        return 0;
    }

    /** Reports the build's version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flexconf-server " + Version.get()};
        }
    }
}
