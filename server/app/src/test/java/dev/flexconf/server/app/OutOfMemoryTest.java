package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heap that runs out ends the process with one line and exit code 8, for a supervisor to restart it,
 * rather than leaving a process that answers nothing.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void anExhaustedHeapEndsTheProcessWithItsOwnExitCode() throws Exception {
        ServerProcess server = ServerProcess.main(List.of("-Xmx64m"), dir.resolve("server.log"),
                "--db", dir.resolve("oom.db").toString(), "--no-front-door");
        // a seed within the admin body limit whose parsed form is larger than this heap
        StringBuilder seed = new StringBuilder("{\"account_sid\": \"" + Http.newAccount() + "\", \"configurations\": [");
        for (int i = 0; seed.length() < 30_000_000; i++) {
            seed.append(i == 0 ? "" : ",").append("{\"name\": \"configuration ").append(i).append("\", \"description\": \"d\"}");
        }
        seed.append("]}");
        try {
            new Http(server.url()).postJson("/__flexconf/seed", seed.toString());
        } catch (AssertionError e) {
            // the process may end before it answers
        }
        assertEquals(Main.EXIT_OUT_OF_MEMORY, server.exitCode(Duration.ofSeconds(60)), server.output());
        assertTrue(server.output().contains("flexconf-server: out of memory"), server.output());
        assertTrue(!server.output().contains("\tat "), "no stack trace: " + server.output());
    }
}
