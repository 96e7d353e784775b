package dev.flexconf.server.store.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.Postgres;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under write load: every request in the gap is answered with Twilio's 503 within
 * a bounded time (never a hang, never a 500), the replica serves again by itself once the database is
 * back, and every acknowledged write is there.
 */
class PostgresRestartTest {
    private static final String V1 = "/v1/PluginService";

    @Test
    void aRestartUnderLoadLosesNoAcknowledgedWriteAndAnswersTheGapWith503() throws Exception {
        Postgres pg = Postgres.shared();
        String account = Http.newAccount();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> others = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        long[] slowestMs = {0};
        try (FlexConfServer replica = FlexConfServer.start(Postgres.replica(pg.newDatabase()))) {
            Http.Account client = new Http(replica).as(account);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        long started = System.nanoTime();
                        Http.Reply reply = client.post(V1 + "/Configurations", Http.form("Name", "w" + thread + "-" + i));
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        synchronized (slowestMs) {
                            slowestMs[0] = Math.max(slowestMs[0], ms);
                        }
                        if (reply.status() == 201) {
                            acknowledged.add(reply.json().get("sid").asText());
                        } else if (reply.status() != 503 || reply.json().get("code").asInt() != 20503) {
                            others.add(reply.status() + " " + reply.raw().body());
                        }
                    }
                });
            }
            Thread.sleep(1000);
            int before = acknowledged.size();
            pg.stopServer();
            Thread.sleep(3000);
            pg.startServer();
            long back = System.nanoTime();
            while (acknowledged.size() == before || System.nanoTime() - back < 2_000_000_000L) {
                assertTrue(System.nanoTime() - back < 30_000_000_000L, "the replica did not serve again within 30 s");
                Thread.sleep(100);
            }
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(List.of(), others, "every refused request is a Twilio 503");
            assertTrue(slowestMs[0] < 15_000, "a request waited " + slowestMs[0] + " ms");
            Set<String> stored = new HashSet<>();
            client.all(V1 + "/Configurations", "configurations").forEach(c -> stored.add(c.get("sid").asText()));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged, then lost");
            assertTrue(acknowledged.size() > before, "writes went on after the restart");
        }
    }
}
