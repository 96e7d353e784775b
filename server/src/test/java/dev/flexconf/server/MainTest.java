package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
                "--credentials", "--strict-auth", "--log-requests", "--journal-size", "--version"}) {
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
    void inMemoryMeansNoDatabaseFile() {
        assertEquals(null, parse("--in-memory").database());
    }

    @Test
    void dbAndInMemoryCannotBeCombined() {
        assertEquals(2, new CommandLine(new Main()).execute("--db", "x.db", "--in-memory"));
    }

    @Test
    void seedsEveryDocumentOfASeedFileAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("seed.json");
        String a = "AC" + "a".repeat(32);
        String b = "AC" + "b".repeat(32);
        java.nio.file.Files.writeString(file, "[{\"account_sid\": \"" + a + "\", \"plugins\": [{\"unique_name\": \"p\"}]},"
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
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> parse("--strict-auth"));
    }
}
