package dev.flexconf.server;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;

import static dev.flexconf.server.testkit.Http.basic;
import static dev.flexconf.server.testkit.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection through POST/GET/DELETE /__flexconf/faults, seen by API requests. */
class FaultsTest {
    private static final String V1 = "/v1/PluginService";
    @RegisterExtension
    final RunningServer running = new RunningServer();
    Http http;
    String account;
    String auth;

    @BeforeEach
    void start() {
        http = running.http();
        account = Http.newAccount();
        auth = basic(account, "token");
    }


    private JsonNode addFault(String json) {
        Http.Reply reply = http.postJson("/__flexconf/faults", json);
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json();
    }

    private int createConfiguration() {
        return http.postForm(V1 + "/Configurations", auth, form("Name", "faulty")).status();
    }

    @Test
    void aRateLimitFaultAnswersTheNextCallsThenStops() {
        addFault("{\"operation\": \"CreatePluginConfiguration\", \"status\": 429, \"retry_after\": 2, \"times\": 2}");
        Http.Reply first = http.postForm(V1 + "/Configurations", auth, form("Name", "one"));
        assertEquals(429, first.status());
        assertEquals("2", first.header("Retry-After"));
        assertEquals(20429, first.json().get("code").asInt());
        assertEquals(429, first.json().get("status").asInt());
        assertEquals("https://www.twilio.com/docs/errors/20429", first.json().get("more_info").asText());
        assertEquals(429, createConfiguration());
        assertEquals(201, createConfiguration());
        assertEquals(0, http.get("/__flexconf/faults").json().get("faults").get(0).get("times").asInt());
    }

    @Test
    void aServerErrorFaultIsAnsweredBeforeAnyWrite() {
        addFault("{\"operation\": \"CreatePluginConfiguration\", \"status\": 503, \"times\": 1}");
        assertEquals(503, createConfiguration());
        assertEquals(0, http.get(V1 + "/Configurations", auth).json().get("configurations").size());
    }

    @Test
    void aFaultForOneAccountLeavesOthersAlone() {
        addFault("{\"account_sid\": \"" + account + "\", \"status\": 500}");
        assertEquals(500, http.get(V1 + "/Plugins", auth).status());
        assertEquals(200, http.get(V1 + "/Plugins", basic("AC" + "1".repeat(32), "x")).status());
    }

    /** A rule for every operation fires on API operations only: an unknown path is still a plain 404. */
    @Test
    void aFaultForEveryOperationLeavesUnknownPathsAndTheAdminApiAlone() {
        addFault("{\"status\": 503}");
        assertEquals(503, http.get(V1 + "/Plugins", auth).status());
        Http.Reply unknown = http.get(V1 + "/Nothing", auth);
        assertEquals(404, unknown.status());
        assertEquals(20404, unknown.json().get("code").asInt());
        assertEquals(200, http.get("/__flexconf/health").status());
    }

    @Test
    void aFaultForOneOperationLeavesOthersAlone() {
        addFault("{\"operation\": \"ListPlugin\", \"status\": 503}");
        assertEquals(503, http.get(V1 + "/Plugins", auth).status());
        assertEquals(200, http.get(V1 + "/Configurations", auth).status());
    }

    @Test
    void aSeededProbabilityGivesTheSameSequenceEveryTime() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            http.delete("/__flexconf/faults");
            addFault("{\"operation\": \"ListPlugin\", \"status\": 503, \"probability\": 0.5, \"seed\": 42}");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(http.get(V1 + "/Plugins", auth).status());
            }
            runs.add(statuses);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).contains(503) && runs.get(0).contains(200), runs.get(0).toString());
    }

    @Test
    void aDelayFaultDelaysTheAnswer() {
        addFault("{\"operation\": \"ListPlugin\", \"delay_ms\": 300, \"times\": 1}");
        long started = System.nanoTime();
        assertEquals(200, http.get(V1 + "/Plugins", auth).status());
        assertTrue(System.nanoTime() - started >= 300_000_000L);
    }

    @Test
    void aDelayedErrorIsAnsweredAfterItsDelayAndJournaled() {
        addFault("{\"operation\": \"ListPlugin\", \"delay_ms\": 300, \"status\": 503, \"times\": 1}");
        long started = System.nanoTime();
        Http.Reply reply = http.get(V1 + "/Plugins", auth);
        assertTrue(System.nanoTime() - started >= 300_000_000L);
        assertEquals(503, reply.status());
        assertEquals(20503, reply.json().get("code").asInt());
        JsonNode entry = http.get("/__flexconf/requests").json().get("requests").get(0);
        assertEquals("ListPlugin", entry.get("operation").asText());
        assertEquals(503, entry.get("status").asInt());
    }

    /** A stop waits for no delay: a request held by a 30 s delay is answered 503 at once, and the stop is quick. */
    @Test
    void aStopAnswersDelayedRequestsAtOnce() throws Exception {
        FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null));
        Http own = new Http(server);
        assertEquals(201, own.postJson("/__flexconf/faults", "{\"operation\": \"ListPlugin\", \"delay_ms\": 30000}").status());
        URI base = URI.create(server.url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + V1 + "/Plugins HTTP/1.1\r\nHost: " + base.getRawAuthority()
                    + "\r\nAuthorization: " + auth + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(500);
            long stopping = System.nanoTime();
            server.close();
            long stopMs = (System.nanoTime() - stopping) / 1_000_000;
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
            assertTrue(answer.contains("\"code\":20503"), answer);
            assertTrue(stopMs < 3000, "the stop waited " + stopMs + " ms for a delay");
        }
    }

    @Test
    void clearingRemovesEveryFault() {
        addFault("{\"status\": 500}");
        assertEquals(500, http.get(V1 + "/Plugins", auth).status());
        assertEquals(204, http.delete("/__flexconf/faults").status());
        assertEquals(200, http.get(V1 + "/Plugins", auth).status());
    }

    @Test
    void anInvalidFaultIsRefused() {
        assertEquals(400, http.postJson("/__flexconf/faults", "{\"status\": 200}").status());
        assertEquals(400, http.postJson("/__flexconf/faults", "{}").status());
        assertEquals(400, http.postJson("/__flexconf/faults", "not json").status());
    }

    @Test
    void unauthenticatedRequestsAreRefusedBeforeFaults() {
        addFault("{\"status\": 503}");
        assertEquals(401, http.get(V1 + "/Plugins").status());
    }
}
