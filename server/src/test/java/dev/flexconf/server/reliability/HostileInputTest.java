package dev.flexconf.server.reliability;

import dev.flexconf.server.admin.AdminResource;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;
import dev.flexconf.server.testkit.RawHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken and hostile requests: each gets a Twilio error body with a 4xx status (never a 5xx, never a
 * stack trace), nothing is written, and the server answers normally afterwards.
 */
class HostileInputTest {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static final String AUTH = "Authorization: Basic "
            + Base64.getEncoder().encodeToString((ACCOUNT + ":token").getBytes(StandardCharsets.UTF_8));
    private static final String V1 = "/v1/PluginService";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    @RegisterExtension
    final RunningServer running = new RunningServer();
    Http.Account client;
    String version;

    @BeforeEach
    void start() throws Exception {
        client = running.http().as(ACCOUNT);
        String plugin = client.post(V1 + "/Plugins", Http.form("UniqueName", "target")).json().get("sid").asText();
        version = client.post(V1 + "/Plugins/" + plugin + "/Versions",
                Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/p.js")).json().get("sid").asText();
    }


    /** How many resources the account holds: a rejected request must not change it. */
    private int state() throws Exception {
        return client.all(V1 + "/Plugins", "plugins").size() + client.all(V1 + "/Configurations", "configurations").size()
                + client.all(V1 + "/Releases", "releases").size();
    }

    private RawHttp.Reply post(String path, String headers, byte[] body) throws Exception {
        return RawHttp.send(running.server().url(), "POST " + path + " HTTP/1.1\r\n" + AUTH + (headers.isEmpty() ? "" : "\r\n" + headers)
                + "\r\nContent-Length: " + body.length, body);
    }

    private RawHttp.Reply request(String requestLine) throws Exception {
        return RawHttp.send(running.server().url(), requestLine + "\r\n" + AUTH, new byte[0]);
    }

    /** A 4xx with exactly Twilio's error body, nothing written, and the server still well. */
    private void refused(RawHttp.Reply reply, int before) throws Exception {
        assertTrue(reply.status() >= 400 && reply.status() < 500, reply.status() + " " + reply.body());
        assertNotNull(reply.json(), "not JSON: " + reply.body());
        assertEquals(Set.of("code", "message", "more_info", "status"), fieldNames(reply.json()), reply.body());
        assertEquals(reply.status(), reply.json().get("status").asInt());
        assertTrue(!reply.body().contains("at dev.flexconf") && !reply.body().contains("Exception"), reply.body());
        assertEquals(reply.body().indexOf("\"more_info\""), reply.body().lastIndexOf("\"more_info\""), "one body: " + reply.body());
        assertEquals(before, state());
        assertEquals(200, client.get(V1 + "/Plugins").status());
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new java.util.HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code data} as one chunk of a chunked body, then the last chunk. */
    private static byte[] chunked(byte[] data) {
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        chunked.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.writeBytes(data);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return chunked.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void brokenBodiesAreRefused() throws Exception {
        int before = state();
        refused(post(V1 + "/Configurations", FORM, new byte[0]), before);
        refused(post(V1 + "/Configurations", "Content-Type: application/json", bytes("{\"Name\": \"json\"}")), before);
        refused(post(V1 + "/Configurations", "Content-Type: text/plain", bytes("Name=plain")), before);
        refused(post(V1 + "/Configurations", FORM, new byte[] {'N', 'a', 'm', 'e', '=', (byte) 0xc3, (byte) 0x28}), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins=not json")), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins=[\"an\", \"array\"]")), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins=" + "[".repeat(5000) + "]".repeat(5000))), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins={\"plugin_version\": \"" + "F".repeat(500_000) + "\"}")), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins={\"plugin_version\": {\"nested\": {\"deep\": 1}}}")), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins={\"plugin_version\": \"" + version + "\", \"phase\": -1}")), before);
        refused(post(V1 + "/Configurations", FORM, bytes("Name=x&Plugins={\"plugin_version\": \"" + version + "\", \"phase\": 1e400}")), before);
    }

    @Test
    void tenThousandRepeatedPluginsAreRefused() throws Exception {
        int before = state();
        StringBuilder body = new StringBuilder("Name=many");
        for (int i = 0; i < 10_000; i++) {
            body.append("&Plugins=").append("{\"plugin_version\":\"").append(version).append("\"}");
        }
        refused(post(V1 + "/Configurations", FORM, bytes(body.toString())), before);
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithoutWaitingForIt() throws Exception {
        int before = state();
        long started = System.nanoTime();
        RawHttp.Reply reply = RawHttp.send(running.server().url(), "POST " + V1 + "/Configurations HTTP/1.1\r\n" + AUTH + "\r\n" + FORM
                + "\r\nContent-Length: 10000000", bytes("Name=only-the-start-is-sent"));
        assertEquals(413, reply.status(), reply.body());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "waited for the rest of the body");
        refused(reply, before);
    }

    /** The answer to a body over the limit reaches a client still sending that body (no reset connection). */
    @Test
    void aClientSendingABodyOverTheLimitReadsTheRefusal() throws Exception {
        byte[] data = eightMegabytes();
        refusedWhileSending("Content-Length: " + data.length, data);
    }

    @Test
    void aClientSendingAChunkedBodyOverTheLimitReadsTheRefusal() throws Exception {
        refusedWhileSending("Transfer-Encoding: chunked", chunked(eightMegabytes()));
    }

    private static byte[] eightMegabytes() {
        byte[] data = new byte[8_000_000];
        java.util.Arrays.fill(data, (byte) 'a');
        return data;
    }

    /** Sends all of {@code body} (failing on a reset connection) and expects a 413 that wrote nothing. */
    private void refusedWhileSending(String framing, byte[] body) throws Exception {
        int before = state();
        RawHttp.Reply reply = RawHttp.sendWhole(running.server().url(), "POST " + V1 + "/Configurations HTTP/1.1\r\n" + AUTH
                + "\r\n" + FORM + "\r\n" + framing, body);
        assertEquals(413, reply.status(), reply.body());
        refused(reply, before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAfterTheLimit() throws Exception {
        int before = state();
        byte[] data = new byte[2_000_000];
        java.util.Arrays.fill(data, (byte) 'a');
        data[0] = 'N';
        data[1] = '=';
        RawHttp.Reply reply = RawHttp.send(running.server().url(), "POST " + V1 + "/Configurations HTTP/1.1\r\n" + AUTH + "\r\n" + FORM
                + "\r\nTransfer-Encoding: chunked", chunked(data));
        assertEquals(413, reply.status(), reply.body());
        refused(reply, before);
    }

    @Test
    void aSeedAnnouncedOverItsLimitIsRefusedWithoutBeingRead() throws Exception {
        int before = state();
        RawHttp.Reply reply = RawHttp.send(running.server().url(), "POST /__flexconf/seed HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + (AdminResource.MAX_BODY_BYTES + 1), bytes("{\"account_sid\": \"" + ACCOUNT + "\""));
        assertEquals(413, reply.status(), reply.body());
        refused(reply, before);
    }

    @Test
    void aChunkedSeedOverItsLimitIsRefusedAfterTheLimit() throws Exception {
        int before = state();
        byte[] data = new byte[AdminResource.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(data, (byte) ' ');
        RawHttp.Reply reply = RawHttp.send(running.server().url(), "POST /__flexconf/seed HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked", chunked(data));
        assertEquals(413, reply.status(), reply.body());
        refused(reply, before);
    }

    /** An invalid chunk size, with credentials or without: one Twilio 4xx body, journaled, nothing written. */
    @Test
    void aBrokenChunkedFramingIsOneTwilio400() throws Exception {
        int before = state();
        for (String size : List.of("zz", "100000000000000000000", "-5")) {
            byte[] body = (size + "\r\nName=x\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.Reply signed = RawHttp.send(running.url(), "POST " + V1 + "/Configurations HTTP/1.1\r\n" + AUTH + "\r\n" + FORM
                    + "\r\nTransfer-Encoding: chunked", body);
            assertEquals(400, signed.status(), size + ": " + signed.body());
            refused(signed, before);
            RawHttp.Reply anonymous = RawHttp.send(running.url(), "POST " + V1 + "/Configurations HTTP/1.1\r\n" + FORM
                    + "\r\nTransfer-Encoding: chunked", body);
            assertEquals(401, anonymous.status(), size + ": " + anonymous.body());
            refused(anonymous, before);
        }
        JsonNode latest = running.http().get("/__flexconf/requests?AccountSid=" + ACCOUNT + "&Operation=CreatePluginConfiguration&PageSize=1").json().get("requests").get(0);
        assertEquals(400, latest.get("status").asInt(), "journaled");
    }

    @Test
    void anHttp09RequestIsAClientError() throws Exception {
        RawHttp.Reply reply = RawHttp.send(running.url(), "GET " + V1 + "/Plugins", new byte[0]);
        assertEquals(400, reply.status(), reply.body());
        refused(reply, state());
    }

    @Test
    void optionsStarIsATwilioError() throws Exception {
        int before = state();
        RawHttp.Reply reply = request("OPTIONS * HTTP/1.1");
        assertEquals(404, reply.status(), reply.body());
        refused(reply, before);
    }

    @Test
    void anHttp2PrefaceOnThePlainPortIsATwilioError() throws Exception {
        int before = state();
        RawHttp.Reply reply = RawHttp.send(running.server().url(), "PRI * HTTP/2.0", new byte[0]);
        assertEquals(426, reply.status(), reply.body());
        refused(reply, before);
    }

    @Test
    void malformedAndUppercaseSidsAreRefusedWithoutAWrite() throws Exception {
        int before = state();
        refused(request("GET " + V1 + "/Configurations/FP00000000000000000000000000000000 HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Configurations/FJ000 HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Configurations/FJ0000000000000000000000000000000000 HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Configurations/fj00000000000000000000000000000000 HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Releases/FJ00000000000000000000000000000000 HTTP/1.1"), before);
        RawHttp.Reply upper = request("GET " + V1 + "/Configurations/FJABCDEF0000000000000000000000ABCD HTTP/1.1");
        assertEquals(404, upper.status());
        refused(upper, before);
    }

    @Test
    void oddPathsAndMethodsAreAnsweredAsTwilioErrors() throws Exception {
        int before = state();
        refused(request("GET /v1/pluginservice/configurations HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Plugins/a%2Fb/Versions HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Configurations/%zz HTTP/1.1"), before);
        refused(request("GET " + V1 + "/Configurations/..%2F..%2Fetc%2Fpasswd HTTP/1.1"), before);
        refused(request("GET /v1/PluginService/../../etc/passwd HTTP/1.1"), before);
        refused(request("PATCH " + V1 + "/Plugins HTTP/1.1"), before);
        refused(request("DELETE " + V1 + "/Configurations HTTP/1.1"), before);
        refused(request("FOO " + V1 + "/Plugins HTTP/1.1"), before);
        RawHttp.Reply trailing = request("GET " + V1 + "/Configurations/ HTTP/1.1");
        assertTrue(trailing.status() == 200 || trailing.status() == 404, trailing.body());
    }

    @Test
    void namesOfEveryKindAreStoredVerbatim() throws Exception {
        for (String name : new String[] {"quote\" and ' apostrophe", "100% & 50%25", "'; DROP TABLE configuration; --",
                "emoji 🚀🧪 and ünïcödé", "x".repeat(64 * 1024), "tab\tand\nnewline", "<script>alert(1)</script>"}) {
            Http.Reply created = client.post(V1 + "/Configurations", Http.form("Name", name));
            assertEquals(201, created.status());
            String sid = created.json().get("sid").asText();
            assertEquals(name, client.get(V1 + "/Configurations/" + sid).json().get("name").asText());
        }
    }

    @Test
    void unknownFormKeysAreIgnored() throws Exception {
        Http.Reply created = client.post(V1 + "/Configurations", Http.form("Name", "extra", "Colour", "blue",
                "Plugins", "{\"plugin_version\": \"" + version + "\", \"unknown\": true}"));
        assertEquals(201, created.status());
    }
}
