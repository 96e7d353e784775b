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
        for (String option : new String[] {"--host", "--port", "--db", "--in-memory", "--base-url", "--version"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void versionNamesTheBuild() {
        assertTrue(run("--version").startsWith("flexconf-server " + Version.get()));
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
    }

    @Test
    void defaultsToLoopbackPort4010AndAFileInTheWorkingFolder() {
        Main main = new Main();
        new CommandLine(main).parseArgs();
        assertEquals("127.0.0.1", main.host);
        assertEquals(4010, main.port);
        assertEquals("flexconf.db", main.database.toString());
    }
}
