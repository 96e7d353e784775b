package dev.flexconf.server.store.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.Postgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two FlexConf replicas on one PostgreSQL database: what one acknowledges the other shows at once,
 * races across them have one outcome, a page token of one works on the other, a reset is seen whole.
 */
class ReplicasTest {
    private static final String V1 = "/v1/PluginService";
    static FlexConfServer a;
    static FlexConfServer b;
    Http.Account onA;
    Http.Account onB;
    String account;

    @BeforeAll
    static void startReplicas() {
        String url = Postgres.shared().newDatabase();
        a = FlexConfServer.start(Postgres.replica(url));
        b = FlexConfServer.start(Postgres.replica(url));
    }

    @AfterAll
    static void stopReplicas() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @BeforeEach
    void newAccount() {
        account = Http.newAccount();
        onA = new Http(a).as(account);
        onB = new Http(b).as(account);
    }

    private String plugin(Http.Account on, String name) {
        Http.Reply reply = on.post(V1 + "/Plugins", Http.form("UniqueName", name));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("sid").asText();
    }

    private String configuration(Http.Account on, String name, String version) {
        Http.Reply reply = on.post(V1 + "/Configurations", Http.form("Name", name, "Plugins", "{\"plugin_version\": \"" + version + "\"}"));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("sid").asText();
    }

    private String version(Http.Account on, String plugin, String version) {
        Http.Reply reply = on.post(V1 + "/Plugins/" + plugin + "/Versions", Http.form("Version", version, "PluginUrl", "https://example.com/" + version + ".js"));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("sid").asText();
    }

    @Test
    void aCreateAnsweredByOneReplicaIsSeenAtOnceByTheOther() {
        String plugin = plugin(onA, "seen");
        String v = version(onA, plugin, "1.0.0");
        assertEquals(0, onB.get(V1 + "/Configurations").json().get("configurations").size());
        String created = configuration(onA, "made on A", v);
        assertEquals(200, onB.get(V1 + "/Configurations/" + created).status());
        assertEquals(created, onB.get(V1 + "/Configurations").json().get("configurations").get(0).get("sid").asText());
        assertEquals("1.0.0", onB.get(V1 + "/Configurations/" + created + "/Plugins/seen").json().get("version").asText());
    }

    @Test
    void anArchiveOnOneReplicaIsSeenAtOnceByTheOther() {
        String plugin = plugin(onA, "archived");
        String created = configuration(onA, "soon archived", version(onA, plugin, "1.0.0"));
        assertEquals(false, onB.get(V1 + "/Configurations/" + created).json().get("archived").asBoolean());
        assertEquals(false, onB.get(V1 + "/Configurations/" + created + "/Plugins/archived").json().get("plugin_archived").asBoolean());
        assertEquals(200, onA.post(V1 + "/Configurations/" + created + "/Archive", "").status());
        assertEquals(200, onA.post(V1 + "/Plugins/" + plugin + "/Archive", "").status());
        assertEquals(true, onB.get(V1 + "/Configurations/" + created).json().get("archived").asBoolean());
        assertEquals(true, onB.get(V1 + "/Configurations/" + created + "/Plugins/archived").json().get("plugin_archived").asBoolean());
    }

    @Test
    void ofTwoDuplicateCreatesOnTwoReplicasAtOnceExactlyOneWins() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String name = "twin-" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Integer> first = two.submit(() -> {
                    together.await();
                    return onA.post(V1 + "/Plugins", Http.form("UniqueName", name)).status();
                });
                Future<Integer> second = two.submit(() -> {
                    together.await();
                    return onB.post(V1 + "/Plugins", Http.form("UniqueName", name)).status();
                });
                List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
                statuses.sort(null);
                assertEquals(201, statuses.get(0), "round " + round + ": " + statuses);
                assertTrue(statuses.get(1) >= 400 && statuses.get(1) < 500, "round " + round + ": " + statuses);
            }
        } finally {
            two.shutdown();
        }
        assertEquals(25, onB.all(V1 + "/Plugins", "plugins").size());
    }

    @Test
    void anArchiveRacingAReleaseOnTheOtherReplicaIsOneOrTheOther() throws Exception {
        for (int round = 0; round < 15; round++) {
            String plugin = plugin(onA, "raced-" + round);
            String configuration = configuration(onA, "raced " + round, version(onA, plugin, "1.0.0"));
            CompletableFuture<Integer> archive = CompletableFuture.supplyAsync(
                    () -> onA.post(V1 + "/Configurations/" + configuration + "/Archive", "").status());
            CompletableFuture<Integer> release = CompletableFuture.supplyAsync(
                    () -> onB.post(V1 + "/Releases", Http.form("ConfigurationId", configuration)).status());
            int archived = archive.get();
            int released = release.get();
            assertTrue((archived == 200) != (released == 201), "round " + round + ": archive " + archived + ", release " + released);
        }
    }

    @Test
    void aPageTokenIssuedByOneReplicaWorksOnTheOther() {
        String plugin = plugin(onA, "paged");
        String v = version(onA, plugin, "1.0.0");
        for (int i = 0; i < 3; i++) {
            configuration(onA, "page " + i, v);
        }
        JsonNode first = onA.get(V1 + "/Configurations?PageSize=2").json();
        String next = first.get("meta").get("next_page_url").asText();
        JsonNode second = onB.get(next.substring(next.indexOf(V1))).json();
        assertEquals(1, second.get("configurations").size());
        assertEquals("page 0", second.get("configurations").get(0).get("name").asText());
    }

    @Test
    void aResetOnOneReplicaIsSeenWholeByTheOther() {
        String plugin = plugin(onA, "reset");
        configuration(onA, "gone", version(onA, plugin, "1.0.0"));
        assertEquals(1, onB.get(V1 + "/Configurations").json().get("configurations").size());
        assertEquals(204, new Http(a).send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a.url() + "/__flexconf/reset"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.form("AccountSid", account)))).status());
        assertEquals(0, onB.get(V1 + "/Configurations").json().get("configurations").size());
        assertEquals(0, onB.get(V1 + "/Plugins").json().get("plugins").size());
    }

    @Test
    void aSeedOnOneReplicaIsSeenByTheOther() {
        Http.Reply seeded = new Http(a).postJson("/__flexconf/seed", "{\"account_sid\": \"" + account + "\", \"plugins\": [{\"unique_name\": \"seeded\","
                + " \"versions\": [{\"version\": \"1.0.0\", \"plugin_url\": \"https://example.com/s.js\"}]}],"
                + " \"configurations\": [{\"name\": \"S\", \"plugins\": [{\"unique_name\": \"seeded\", \"version\": \"1.0.0\"}]}],"
                + " \"releases\": [{\"configuration_name\": \"S\"}]}");
        assertEquals(201, seeded.status(), seeded.raw().body());
        assertEquals("S", onB.get(V1 + "/Configurations").json().get("configurations").get(0).get("name").asText());
        assertEquals(200, onB.get(V1 + "/Releases/Active").status());
    }
}
