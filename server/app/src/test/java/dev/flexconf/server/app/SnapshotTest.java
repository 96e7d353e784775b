package dev.flexconf.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.client.FlexConfApi;
import dev.flexconf.client.FlexConfClient;
import dev.flexconf.client.Snapshot;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code snapshot} of an account, taken through the generated client from a second FlexConf process,
 * then seeded into another emulator, answers every PluginService GET as the source does, URLs aside.
 */
class SnapshotTest {
    private static final String V1 = "/v1/PluginService";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static ServerProcess source;
    private static Http http;

    @BeforeAll
    static void startSource() throws Exception {
        source = ServerProcess.main(dir.resolve("source.log"), "--db", dir.resolve("source.db").toString(), "--no-front-door");
        http = new Http(source.url());
    }

    @AfterAll
    static void stopSource() throws Exception {
        source.close();
    }

    private static int snapshot(String... args) {
        return new CommandLine(new Main()).execute(Stream.concat(Stream.of("snapshot", "--from", source.url()), Stream.of(args))
                .toArray(String[]::new));
    }

    private static String get(String base, String account, String path) {
        Http.Reply reply = new Http(base).get(path, Http.basic(account, "token"));
        assertEquals(200, reply.status(), path + ": " + reply.raw().body());
        return reply.raw().body();
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
        String account = Http.newAccount();
        FlexConfClient client = FlexConfClient.builder().baseUrl(source.url()).credentials(account, "token").build();
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

        Path file = dir.resolve("snapshot.json");
        assertEquals(0, snapshot("--account", account, "--token", "token", "--out", file.toString()));

        try (FlexConfServer copy = FlexConfServer.start(ServerOptions.ephemeral().withCaDir(null))) {
            copy.seed(Files.readString(file));
            assertEquals(everyGet(source.url(), account), everyGet(copy.url(), account));
        }
    }

    @Test
    void aRefusedAccountEndsTheSnapshotWithAClearErrorAndNoFile() {
        Path file = dir.resolve("refused.json");
        assertEquals(1, snapshot("--account", "not-an-account", "--token", "token", "--out", file.toString()));
        assertFalse(Files.exists(file));
        FlexConfClient client = FlexConfClient.builder().baseUrl(source.url()).credentials("not-an-account", "token").build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Snapshot(client, null, Duration.ofMillis(10)).take("not-an-account"));
        assertTrue(e.getMessage().startsWith("401:"), e.getMessage());
    }

    @Test
    void aSnapshotNeedsCredentials() {
        assertEquals(1, snapshot("--account", Http.newAccount(), "--out", dir.resolve("none.json").toString()));
    }

    private static void fault(String json) {
        Http.Reply reply = http.postJson("/__flexconf/faults", json);
        assertEquals(201, reply.status(), reply.raw().body());
    }

    /** Twilio's helper libraries retry a 429: so does a snapshot, a bounded number of times. */
    @Test
    void aRateLimitIsRetriedAndOneThatPersistsEndsTheSnapshot() throws Exception {
        String account = Http.newAccount();
        FlexConfClient client = FlexConfClient.builder().baseUrl(source.url()).credentials(account, "token").build();
        client.api().createPlugin("limited", null, null, null);
        fault("{\"account_sid\": \"" + account + "\", \"operation\": \"ListPlugin\", \"status\": 429, \"times\": 2}");
        assertEquals(1, new Snapshot(client, null, Duration.ofMillis(10)).take(account).getPlugins().size());

        fault("{\"account_sid\": \"" + account + "\", \"operation\": \"ListPlugin\", \"status\": 429, \"times\": 10}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Snapshot(client, null, Duration.ofMillis(10)).take(account));
        assertTrue(e.getMessage().startsWith("429: still rate limited"), e.getMessage());
    }
}
