package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under write load drains: the requests in flight finish and are answered before the process
 * exits, so no write is kept that its client was not told of (a retrying client would duplicate it).
 */
class GracefulStopTest {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static final String V1 = "/v1/PluginService";

    @TempDir
    Path dir;

    @Test
    void everyWriteKeptAfterASigtermWasAnswered() throws Exception {
        Path db = dir.resolve("drain.db");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ServerProcess server = ServerProcess.main(dir.resolve("first.log"), "--db", db.toString(), "--no-front-door");
        Http.Account client = new Http(server.url()).as(ACCOUNT);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Http.Reply reply = client.post(V1 + "/Configurations", Http.form("Name", "w" + thread + "-" + i));
                        if (reply.status() == 201) {
                            acknowledged.add(reply.json().get("sid").asText());
                        }
                    } catch (AssertionError e) {
                        // the connection went away: this request's fate is unknown to its client
                    }
                }
            });
        }
        Thread.sleep(1500);
        long stopping = System.nanoTime();
        server.close(); // SIGTERM, then waits for the exit
        long stoppedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(stoppedMs < 10_000, "stopped within its drain bound: " + stoppedMs + " ms");

        Set<String> stored = new HashSet<>();
        try (ServerProcess again = ServerProcess.main(dir.resolve("second.log"), "--db", db.toString(), "--no-front-door")) {
            for (JsonNode c : new Http(again.url()).as(ACCOUNT).all(V1 + "/Configurations", "configurations")) {
                stored.add(c.get("sid").asText());
            }
        }
        assertTrue(acknowledged.size() > 50, "too few writes to mean anything: " + acknowledged.size());
        Set<String> unanswered = new HashSet<>(stored);
        unanswered.removeAll(acknowledged);
        assertEquals(Set.of(), unanswered, "kept, but never answered");
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "answered, but not kept");
    }
}
