package dev.flexconf.server.testkit;

import dev.flexconf.server.ServerOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for the tests: a private cluster made with the machine's own binaries (Debian's
 * {@code postgresql} package, {@code /usr/lib/postgresql/N/bin}) in a temp folder, listening on
 * 127.0.0.1 on a free port, started once per test JVM and stopped when it exits. When the JVM runs as
 * root the cluster runs as the {@code postgres} user (PostgreSQL refuses root). Where the binaries are
 * missing, tests that need it are skipped, unless {@code FLEXCONF_POSTGRES_REQUIRED} is set (as
 * {@code .ci/run} does after installing the package), when they fail. Thread-safe.
 */
public final class Postgres {
    private static Postgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean root;

    private Postgres(Path bin, Path data, int port, boolean root) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.root = root;
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized Postgres shared() {
        if (shared == null) {
            shared = start();
            Postgres stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::destroy, "flexconf-test-postgres-stop"));
        }
        return shared;
    }

    /** The folder of the newest PostgreSQL binaries installed, or null. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Postgres start() {
        Path bin = binaries();
        if (bin == null && System.getenv("FLEXCONF_POSTGRES_REQUIRED") != null) {
            throw new IllegalStateException("FLEXCONF_POSTGRES_REQUIRED is set but no PostgreSQL is installed: apt-get install postgresql");
        }
        Assumptions.assumeTrue(bin != null, "PostgreSQL's binaries are not installed (apt-get install postgresql): skipped");
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("flexconf-postgres-");
            Path data = dir.resolve("data");
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), false);
            }
            Postgres pg = new Postgres(bin, data, freePort(), root);
            pg.command(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "flexconf", "--auth=trust",
                    "-E", "UTF8", "--no-sync", "--locale=C"));
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a PostgreSQL cluster", e);
        }
    }

    /** Starts the cluster's server (again, after {@link #stopServer()}) and waits until it accepts connections. */
    public void startServer() {
        command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                data.getParent().resolve("postgres.log").toString(), "-o",
                "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
    }

    /** Stops the server (fast: sessions are cut, what is committed is kept), as an operator's restart would. */
    public void stopServer() {
        command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"));
    }

    private void destroy() {
        try {
            command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> all = Files.walk(data.getParent())) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    /** A new, empty database in the cluster: its JDBC URL (user {@code flexconf}, no password). */
    public String newDatabase() {
        String name = "flexconf_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    /** Server options for a replica on the database {@code jdbcUrl}: 127.0.0.1, an ephemeral port, no CA. */
    public static ServerOptions replica(String jdbcUrl) {
        return ServerOptions.ephemeral().withCaDir(null).withPostgres(new ServerOptions.Postgres(jdbcUrl, null, null));
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=flexconf";
    }

    private void command(List<String> command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean check) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || (check && p.exitValue() != 0)) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
