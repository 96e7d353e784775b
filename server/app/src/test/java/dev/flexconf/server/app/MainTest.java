package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.Version;
import dev.flexconf.server.testkit.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    @Test
    void helpListsEveryOption() {
        String help = run("--help");
        for (String option : new String[] {"--host", "--port", "--db", "--in-memory", "--base-url", "--seed",
                "--credentials", "--strict-auth", "--log-requests", "--journal-size", "--ca-dir", "--no-front-door", "--version"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void versionNamesTheBuild() {
        assertTrue(run("--version").startsWith("flexconf-server " + Version.get()));
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
    }

    private static ServerOptions parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main.options();
    }

    @Test
    void defaultsToLoopbackPort4010AndAFileInTheWorkingFolder() {
        ServerOptions options = parse();
        assertEquals("127.0.0.1", options.host());
        assertEquals(4010, options.port());
        assertEquals("flexconf.db", options.database().toString());
        assertEquals(false, options.strictAuth());
        assertEquals(ServerOptions.DEFAULT_JOURNAL_CAPACITY, options.journalCapacity());
    }

    @Test
    void theFrontDoorsCaLivesInTheUsersHomeUnlessToldOtherwise() {
        assertEquals(Path.of(System.getProperty("user.home"), ".flexconf", "ca"), parse().caDir());
        assertEquals(Path.of("elsewhere"), parse("--ca-dir", "elsewhere").caDir());
        assertEquals(null, parse("--no-front-door").caDir());
    }

    /** A CA folder it cannot use stops the start with one line on stderr and exit 2, the folder untouched. */
    @Test
    void aBrokenCaFolderIsAClearStartError(@TempDir Path dir) throws Exception {
        Path ca = Files.createDirectories(dir.resolve("ca"));
        Files.writeString(ca.resolve("ca.pem"), "not a certificate");
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new Main()).execute("--port", "0", "--in-memory", "--ca-dir", ca.toString());
        } finally {
            System.setErr(before);
        }
        String message = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_CERTIFICATE_AUTHORITY, exit, message);
        assertTrue(message.startsWith("flexconf-server: the CA folder " + ca + " is refused: "), message);
        assertEquals(1, message.strip().lines().count(), message);
        assertEquals("not a certificate", Files.readString(ca.resolve("ca.pem")));
        assertEquals(1, Files.list(ca).count());
    }

    @Test
    void inMemoryMeansNoDatabaseFile() {
        assertEquals(null, parse("--in-memory").database());
    }

    @Test
    void aPostgresqlUrlAsDbMeansASharedDatabaseAndNoFile() {
        ServerOptions options = parse("--db", "jdbc:postgresql://db:5432/flexconf?user=u");
        assertEquals(null, options.database());
        assertEquals("jdbc:postgresql://db:5432/flexconf?user=u", options.postgres().jdbcUrl());
    }

    @Test
    void anotherJdbcUrlAsDbIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> parse("--db", "jdbc:mysql://db/flexconf"));
        assertTrue(refused.getMessage().contains("jdbc:postgresql:"), refused.getMessage());
    }

    @Test
    void dbAndInMemoryCannotBeCombined() {
        assertEquals(2, new CommandLine(new Main()).execute("--db", "x.db", "--in-memory"));
    }

    @Test
    void seedsEveryDocumentOfASeedFileAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        String a = "AC" + "a".repeat(32);
        String b = "AC" + "b".repeat(32);
        Files.writeString(file, "[{\"account_sid\": \"" + a + "\", \"plugins\": [{\"unique_name\": \"p\"}]},"
                + " {\"account_sid\": \"" + b + "\", \"configurations\": [{\"name\": \"c\"}]}]");
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral())) {
            Main.seedFrom(server, file);
            Http http = new Http(server);
            assertEquals(1, http.get("/v1/PluginService/Plugins", Http.basic(a, "t")).json().get("plugins").size());
            assertEquals(1, http.get("/v1/PluginService/Configurations", Http.basic(b, "t")).json().get("configurations").size());
        }
    }

    @Test
    void strictAuthNeedsACredentialsFile() {
        assertThrows(IllegalArgumentException.class, () -> parse("--strict-auth"));
    }

    /** A start that fails after it listens (its seed file is refused) closes the server: the port is free again. */
    @Test
    void aRefusedSeedFileEndsTheStartAndReleasesThePort(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"account_sid\": \"not an account\"}");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            port = probe.getLocalPort();
        }
        int exit = new CommandLine(new Main()).execute("--port", String.valueOf(port), "--in-memory",
                "--no-front-door", "--seed", seed.toString());
        assertEquals(Main.EXIT_SEED, exit);
        try (ServerSocket again = new ServerSocket(port, 1, loopback)) {
            assertTrue(again.isBound());
        }
    }
}
