package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.Postgres;
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
 * Two replicas of the jar on one PostgreSQL, written to alternately; one is killed with SIGKILL
 * mid-write. The other, and the killed one started again, hold every write either acknowledged.
 */
class ReplicaCrashTest {
    private static final String ACCOUNT = "AC" + "e".repeat(32);
    private static final String V1 = "/v1/PluginService";

    @TempDir
    Path dir;

    @Test
    void aReplicaKilledMidWriteLosesNothingAcknowledgedByEither() throws Exception {
        String db = Postgres.shared().newDatabase();
        ServerProcess a = ServerProcess.main(dir.resolve("a.log"), "--db", db, "--no-front-door");
        ServerProcess b = ServerProcess.main(dir.resolve("b.log"), "--db", db, "--no-front-door");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            Http.Account[] replicas = {new Http(a.url()).as(ACCOUNT), new Http(b.url()).as(ACCOUNT)};
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            Http.Reply reply = replicas[i % 2].post(V1 + "/Configurations", Http.form("Name", "w" + thread + "-" + i));
                            if (reply.status() == 201) {
                                acknowledged.add(reply.json().get("sid").asText());
                            }
                        } catch (AssertionError e) {
                            // the killed replica's connection: this request's fate is unknown to its client
                        }
                    }
                });
            }
            Thread.sleep(1500);
            a.kill();
            Thread.sleep(1000);
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            assertTrue(acknowledged.size() > 50, "too few writes to mean anything: " + acknowledged.size());
            try (ServerProcess again = ServerProcess.main(dir.resolve("a2.log"), "--db", db, "--no-front-door")) {
                for (ServerProcess replica : new ServerProcess[] {b, again}) {
                    Set<String> stored = new HashSet<>();
                    new Http(replica.url()).as(ACCOUNT).all(V1 + "/Configurations", "configurations")
                            .forEach(c -> stored.add(c.get("sid").asText()));
                    Set<String> lost = new HashSet<>(acknowledged);
                    lost.removeAll(stored);
                    assertEquals(Set.of(), lost, "acknowledged, but not kept");
                }
            }
        } finally {
            writers.shutdownNow();
            a.kill();
            b.close();
        }
    }
}
