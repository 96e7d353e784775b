package dev.flexconf.server.reliability;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.ServerOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many clients at once on a file database: no 5xx, no lost or doubled writes, rules hold under races. */
class ConcurrencyTest {
    private static final String V1 = "/v1/PluginService";

    @RegisterExtension
    final RunningServer running = new RunningServer(folder -> ServerOptions.ephemeral().withDatabase(folder.resolve("concurrency.db")));
    ExecutorService pool;

    @BeforeEach
    void start() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static String account(int i) {
        return "AC" + String.valueOf(i).repeat(32);
    }

    @Test
    void sixteenClientsOverFourAccountsLoseNothing() throws Exception {
        Set<String> sids = ConcurrentHashMap.newKeySet();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Future<List<String>>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                Http.Account client = running.http().as(account(thread % 4 + 1));
                List<String> configurations = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Http.Reply plugin = client.post(V1 + "/Plugins", Http.form("UniqueName", "t" + thread + "-" + i));
                    statuses.add(plugin.status());
                    String pluginSid = plugin.json().get("sid").asText();
                    Http.Reply version = client.post(V1 + "/Plugins/" + pluginSid + "/Versions",
                            Http.form("Version", "1.0." + i, "PluginUrl", "https://example.com/p.js"));
                    statuses.add(version.status());
                    Http.Reply configuration = client.post(V1 + "/Configurations", Http.form("Name", "t" + thread + "-" + i,
                            "Plugins", "{\"plugin_version\": \"" + version.json().get("sid").asText() + "\"}"));
                    statuses.add(configuration.status());
                    for (Http.Reply r : List.of(plugin, version, configuration)) {
                        if (!sids.add(r.json().get("sid").asText())) {
                            duplicates.incrementAndGet();
                        }
                    }
                    configurations.add(configuration.json().get("sid").asText());
                }
                return configurations;
            }));
        }
        List<String> acknowledged = new ArrayList<>();
        for (Future<List<String>> f : work) {
            acknowledged.addAll(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(Set.of(201), statuses);
        assertEquals(0, duplicates.get());
        Set<String> listed = new HashSet<>();
        for (int a = 1; a <= 4; a++) {
            Http.Account client = running.http().as(account(a));
            for (JsonNode c : client.all(V1 + "/Configurations", "configurations")) {
                listed.add(c.get("sid").asText());
            }
            assertEquals(32, client.all(V1 + "/Plugins", "plugins").size());
        }
        assertEquals(new HashSet<>(acknowledged), listed);
    }

    /** Runs two calls at the same instant; returns their statuses. */
    private List<Integer> race(Callable<Integer> a, Callable<Integer> b) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Future<Integer> fa = pool.submit(() -> {
            barrier.await();
            return a.call();
        });
        Future<Integer> fb = pool.submit(() -> {
            barrier.await();
            return b.call();
        });
        return List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
    }

    @Test
    void exactlyOneOfTwoRacingDuplicatesWins() throws Exception {
        Http.Account client = running.http().as(account(5));
        for (int round = 0; round < 25; round++) {
            int i = round;
            String body = Http.form("UniqueName", "race-" + i);
            List<Integer> plugins = race(() -> client.post(V1 + "/Plugins", body).status(),
                    () -> client.post(V1 + "/Plugins", body).status());
            assertEquals(List.of(201, 400), plugins.stream().sorted().toList(), "UniqueName race " + i);

            String version = Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/p.js");
            List<Integer> versions = race(() -> client.post(V1 + "/Plugins/race-" + i + "/Versions", version).status(),
                    () -> client.post(V1 + "/Plugins/race-" + i + "/Versions", version).status());
            assertEquals(List.of(201, 400), versions.stream().sorted().toList(), "Version race " + i);
        }
        assertEquals(25, client.all(V1 + "/Plugins", "plugins").size());
    }

    @Test
    void archiveRacingReleaseHasOneOutcome() throws Exception {
        Http.Account client = running.http().as(account(6));
        int archivedFirst = 0;
        int releasedFirst = 0;
        for (int i = 0; i < 25; i++) {
            String configuration = client.post(V1 + "/Configurations", Http.form("Name", "race-" + i)).json().get("sid").asText();
            List<Integer> outcome = race(
                    () -> client.post(V1 + "/Configurations/" + configuration + "/Archive", "").status(),
                    () -> client.post(V1 + "/Releases", Http.form("ConfigurationId", configuration)).status());
            JsonNode stored = client.get(V1 + "/Configurations/" + configuration).json();
            Http.Reply activeRelease = client.get(V1 + "/Releases/Active");
            String active = activeRelease.status() == 404 ? null : activeRelease.json().get("configuration_sid").asText();
            if (outcome.equals(List.of(200, 400))) {
                archivedFirst++;
                assertTrue(stored.get("archived").asBoolean());
                assertTrue(!configuration.equals(active), "an archived configuration was released");
            } else {
                assertEquals(List.of(400, 201), outcome, "both or neither happened");
                releasedFirst++;
                assertTrue(!stored.get("archived").asBoolean());
                assertEquals(configuration, active);
            }
            // move the active release off this configuration for the next round
            client.post(V1 + "/Releases", Http.form("ConfigurationId",
                    client.post(V1 + "/Configurations", Http.form("Name", "spare-" + i)).json().get("sid").asText()));
        }
        assertEquals(25, archivedFirst + releasedFirst);
    }
}
