package dev.flexconf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.model.SeedDocument;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of an account, taken through the generated client from a second FlexConf process, then
 * seeded into another emulator, answers every PluginService GET as the source does, URLs aside.
 */
class SnapshotTest {
    private static final String V1 = "/v1/PluginService";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Process source;
    private static String sourceUrl;

    @BeforeAll
    static void startSource() throws Exception {
        Path jar = Path.of(System.getProperty("flexconf.serverJar", "../server/target/flexconf-server.jar")).toAbsolutePath();
        Path log = dir.resolve("source.log");
        source = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--db", dir.resolve("source.db").toString(), "--no-front-door")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        for (int i = 0; i < 600 && sourceUrl == null; i++) {
            Matcher m = listening.matcher(Files.readString(log));
            if (m.find()) {
                sourceUrl = m.group(1);
            } else if (!source.isAlive()) {
                throw new IllegalStateException("the source FlexConf exited: " + Files.readString(log));
            } else {
                Thread.sleep(100);
            }
        }
        if (sourceUrl == null) {
            throw new IllegalStateException("the source FlexConf did not start: " + Files.readString(log));
        }
    }

    @AfterAll
    static void stopSource() throws Exception {
        source.destroy();
        source.waitFor(10, TimeUnit.SECONDS);
    }

    private static String basic(String account) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":token").getBytes(StandardCharsets.UTF_8));
    }

    private static String get(String base, String account, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(account)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** Every PluginService GET of the account, base URL and page-token signatures taken out. */
    private static List<String> everyGet(String base, String account) throws Exception {
        List<String> paths = new ArrayList<>(List.of(V1 + "/Plugins?PageSize=2", V1 + "/Configurations?PageSize=1000",
                V1 + "/Releases?PageSize=1000", V1 + "/Releases/Active"));
        for (JsonNode p : JSON.readTree(get(base, account, V1 + "/Plugins?PageSize=1000")).get("plugins")) {
            paths.add(V1 + "/Plugins/" + p.get("sid").asText());
            paths.add(V1 + "/Plugins/" + p.get("sid").asText() + "/Versions?PageSize=1000");
        }
        for (JsonNode c : JSON.readTree(get(base, account, V1 + "/Configurations?PageSize=1000")).get("configurations")) {
            paths.add(V1 + "/Configurations/" + c.get("sid").asText());
            paths.add(V1 + "/Configurations/" + c.get("sid").asText() + "/Plugins?PageSize=1000");
        }
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            bodies.add(path + " " + get(base, account, path).replace(base, "BASE").replaceAll("PageToken=[A-Za-z0-9_-]+", "PageToken=TOKEN"));
        }
        return bodies;
    }

    @Test
    void aSnapshotSeededIntoAnotherEmulatorAnswersEveryGetTheSame() throws Exception {
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        FlexConfClient client = FlexConfClient.builder().baseUrl(sourceUrl).credentials(account, "token").build();
        FlexConfApi api = client.api();
        String crm1 = api.createPluginVersion(api.createPlugin("crm", null, "CRM", "the CRM").getSid(), "1.0.0",
                URI.create("https://example.com/crm-1.js"), null, "first", true, null, "success").getSid();
        String crm2 = api.createPluginVersion("crm", "1.1.0", URI.create("https://example.com/crm-2.js"), null, null, null, null, null).getSid();
        api.createPlugin("retired", null, null, null);
        String retired = api.createPluginVersion("retired", "0.1.0", URI.create("https://example.com/r.js"), null, null, null, null, null).getSid();
        String a = api.createPluginConfiguration("A", null, List.of("{\"plugin_version\": \"" + crm1 + "\", \"phase\": 3}",
                "{\"plugin_version\": \"" + retired + "\"}"), "first").getSid();
        String b = api.createPluginConfiguration("B", null, List.of("{\"plugin_version\": \"" + crm2 + "\"}"), null).getSid();
        api.createPluginRelease(a, null);
        api.createPluginRelease(b, null);
        api.updatePluginVersionArchive("retired", retired, null);
        api.updatePluginArchive("retired", null);
        for (int i = 0; i < 3; i++) {
            api.createPluginConfiguration("filler " + i, null, List.of(), null);
        }

        SeedDocument snapshot = new Snapshot(client, null, Duration.ofMillis(10)).take(account);
        Path file = dir.resolve("snapshot.json");
        Snapshot.write(snapshot, file);

        try (FlexConfServer copy = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null))) {
            copy.seed(Files.readString(file));
            assertEquals(everyGet(sourceUrl, account), everyGet(copy.url(), account));
        }
    }

    @Test
    void aRefusedAccountEndsTheSnapshotWithAClearError() {
        FlexConfClient client = FlexConfClient.builder().baseUrl(sourceUrl).credentials("not-an-account", "token").build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Snapshot(client, null, Duration.ofMillis(10)).take("not-an-account"));
        assertTrue(e.getMessage().startsWith("401:"), e.getMessage());
    }

    private static void fault(String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sourceUrl + "/__flexconf/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    /** Twilio's helper libraries retry a 429: so does a snapshot, a bounded number of times. */
    @Test
    void aRateLimitIsRetriedAndOneThatPersistsEndsTheSnapshot() throws Exception {
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        FlexConfClient client = FlexConfClient.builder().baseUrl(sourceUrl).credentials(account, "token").build();
        client.api().createPlugin("limited", null, null, null);
        fault("{\"account_sid\": \"" + account + "\", \"operation\": \"ListPlugin\", \"status\": 429, \"times\": 2}");
        assertEquals(1, new Snapshot(client, null, Duration.ofMillis(10)).take(account).getPlugins().size());

        fault("{\"account_sid\": \"" + account + "\", \"operation\": \"ListPlugin\", \"status\": 429, \"times\": 10}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Snapshot(client, null, Duration.ofMillis(10)).take(account));
        assertTrue(e.getMessage().startsWith("429: still rate limited"), e.getMessage());
    }
}
