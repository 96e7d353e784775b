package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the disk cannot take a write, the client hears it plainly (a Twilio 5xx that says so, never a
 * bare 500), nothing of that write is kept, and reads go on. The disk is made full for the process by
 * a file size limit (ulimit -f): SQLite then reports an I/O error, answered 503; a true ENOSPC is
 * SQLITE_FULL, answered 507 the same way.
 */
class DiskFullTest {
    private static final String V1 = "/v1/PluginService";

    @TempDir
    Path dir;

    @Test
    void aWriteTheDiskCannotTakeIsA503ThatSaysSoAndReadsGoOn() throws Exception {
        Path db = dir.resolve("full.db");
        Set<String> acknowledged = new HashSet<>();
        try (ServerProcess server = ServerProcess.mainWithFileSizeLimit(3000, dir.resolve("full.log"),
                "--db", db.toString(), "--no-front-door")) {
            Http.Account client = new Http(server.url()).as(Http.newAccount());
            Http.Reply refused = null;
            for (int i = 0; i < 2000 && refused == null; i++) {
                Http.Reply reply = client.post(V1 + "/Configurations", Http.form("Name", "c" + i, "Description", "x".repeat(12_000)));
                if (reply.status() == 201) {
                    acknowledged.add(reply.json().get("sid").asText());
                } else {
                    refused = reply;
                }
            }
            assertTrue(refused != null, "the limit was never reached");
            assertEquals(503, refused.status(), refused.raw().body());
            assertEquals(20503, refused.json().get("code").asInt());
            assertTrue(refused.json().get("message").asText().contains("failed a write"), refused.raw().body());
            assertTrue(!server.output().contains("\tat "), "no stack trace in the log");
            Set<String> listed = new HashSet<>();
            client.all(V1 + "/Configurations", "configurations").forEach(c -> listed.add(c.get("sid").asText()));
            assertEquals(acknowledged, listed, "reads go on, and hold exactly what was acknowledged");
        }
    }
}
