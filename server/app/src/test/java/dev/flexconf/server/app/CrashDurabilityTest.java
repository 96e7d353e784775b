package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create that was answered 201 survives a SIGKILL of the server at any moment: clients create
 * configurations (2 plugins each) from several threads, the process is killed at a random point, and
 * after a restart on the same file every acknowledged configuration is there, whole, and no
 * configuration is there half-written. Four rounds on one file, each killed at another point.
 */
class CrashDurabilityTest {
    private static final String ACCOUNT = "AC" + "c".repeat(32);
    private static final String V1 = "/v1/PluginService";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCreateSurvivesKillMinus9() throws Exception {
        Path db = dir.resolve("crash.db");
        Random random = new Random(20261128);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 4; round++) {
            try (ServerProcess server = start(db, round)) {
                Http.Account client = new Http(server.url()).as(ACCOUNT);
                verify(client, acknowledged);
                List<String> versions = versions(client, round);
                ExecutorService writers = Executors.newFixedThreadPool(4);
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    writers.submit(() -> {
                        for (int i = 0; ; i++) {
                            String body = Http.form("Name", "r" + thread + "-" + i,
                                    "Plugins", "{\"plugin_version\": \"" + versions.get(0) + "\"}",
                                    "Plugins", "{\"plugin_version\": \"" + versions.get(1) + "\", \"phase\": 2}");
                            try {
                                Http.Reply reply = client.post(V1 + "/Configurations", body);
                                if (reply.status() == 201) {
                                    acknowledged.add(reply.json().get("sid").asText());
                                }
                            } catch (AssertionError e) {
                                return; // the server was killed under this request: stop writing
                            }
                        }
                    });
                }
                Thread.sleep(300 + random.nextInt(1200));
                server.kill();
                writers.shutdown();
                assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            }
        }
        try (ServerProcess server = start(db, 4)) {
            verify(new Http(server.url()).as(ACCOUNT), acknowledged);
        }
        assertTrue(acknowledged.size() > 20, "too few creates to mean anything: " + acknowledged.size());
    }

    private ServerProcess start(Path db, int round) throws Exception {
        return ServerProcess.main(dir.resolve("server-" + round + ".log"), "--db", db.toString(), "--no-front-door");
    }

    /** Two plugin versions to bundle, made fresh each round. */
    private static List<String> versions(Http.Account client, int round) throws Exception {
        String[] sids = new String[2];
        for (int i = 0; i < 2; i++) {
            String plugin = client.post(V1 + "/Plugins", Http.form("UniqueName", "p" + round + "-" + i)).json().get("sid").asText();
            sids[i] = client.post(V1 + "/Plugins/" + plugin + "/Versions",
                    Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/p.js")).json().get("sid").asText();
        }
        return List.of(sids);
    }

    private static void verify(Http.Account client, Set<String> acknowledged) throws Exception {
        Set<String> stored = new HashSet<>();
        for (JsonNode configuration : client.all(V1 + "/Configurations", "configurations")) {
            String sid = configuration.get("sid").asText();
            stored.add(sid);
            List<JsonNode> plugins = client.all(V1 + "/Configurations/" + sid + "/Plugins", "plugins");
            assertEquals(2, plugins.size(), "configuration " + sid + " is not whole");
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged creates lost after kill -9");
    }
}
