package dev.flexconf.server.reliability;

import dev.flexconf.server.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated form bodies thrown at every POST operation: never a 5xx, a Twilio error body on every 4xx,
 * and nothing written by a rejected request.
 */
class FormFuzzTest {
    private static final String ACCOUNT = "AC" + "f".repeat(32);
    private static final String V1 = "/v1/PluginService";
    private static FlexConfServer server;
    private static Http.Account client;
    private static String version;
    private static String configuration;

    @BeforeContainer
    static void start() throws Exception {
        server = FlexConfServer.start(ServerOptions.ephemeral());
        client = new Http(server.url()).as(ACCOUNT);
        client.post(V1 + "/Plugins", Http.form("UniqueName", "fuzz"));
        version = client.post(V1 + "/Plugins/fuzz/Versions", Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/f.js"))
                .json().get("sid").asText();
        configuration = client.post(V1 + "/Configurations", Http.form("Name", "base")).json().get("sid").asText();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(V1 + "/Plugins", V1 + "/Plugins/fuzz", V1 + "/Plugins/fuzz/Archive", V1 + "/Plugins/fuzz/Versions",
                V1 + "/Plugins/fuzz/Versions/1.0.0/Archive", V1 + "/Configurations", V1 + "/Configurations/" + "FJ" + "0".repeat(32) + "/Archive",
                V1 + "/Releases");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("UniqueName", "FriendlyName", "Description", "Version", "PluginUrl", "Changelog", "Private",
                        "CliVersion", "ValidateStatus", "Name", "Plugins", "ConfigurationId"),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("%&=+{}[]\":,\\").ofMaxLength(20),
                Arbitraries.of("True", "false", "yes", "", "success", "failure", "https://example.com/x.js", "not a url",
                        "FJ" + "0".repeat(32), "{\"plugin_version\": \"" + "FV" + "0".repeat(32) + "\"}", "{\"phase\": 3}",
                        "{}", "[]", "null", "1e999", "%", "%zz", "%ff%fe"),
                Arbitraries.integers().between(-5, 5).map(p -> "{\"plugin_version\": \"VERSION\", \"phase\": " + p + "}"),
                Arbitraries.strings().ofMinLength(1000).ofMaxLength(5000));
    }

    @Provide
    Arbitrary<List<String>> bodies() {
        Arbitrary<String> pair = Combinators.combine(keys(), values()).as((k, v) -> k + "=" + v);
        return pair.list().ofMaxSize(8);
    }

    /** What the account holds: a rejected request must leave it as it was. */
    private static String state() throws Exception {
        return client.all(V1 + "/Plugins", "plugins").toString() + client.all(V1 + "/Plugins/fuzz/Versions", "plugin_versions")
                + client.all(V1 + "/Configurations", "configurations") + client.all(V1 + "/Releases", "releases");
    }

    @Property(tries = 300, seed = "20261128")
    void noBodyBreaksAnyPost(@ForAll("paths") String path, @ForAll("bodies") List<String> pairs) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String p : pairs) {
            parts.add(p.replace("VERSION", version));
        }
        byte[] body = String.join("&", parts).getBytes(StandardCharsets.UTF_8);
        String before = state();
        Http.Reply reply = client.post(path, "application/x-www-form-urlencoded", body);
        assertTrue(reply.status() < 500, "5xx for " + path + " " + parts + ": " + reply.json());
        if (reply.status() >= 400) {
            assertNotNull(reply.json());
            assertEquals(reply.status(), reply.json().get("status").asInt());
            assertTrue(reply.json().get("code").asInt() > 0);
            assertTrue(reply.json().get("more_info").asText().startsWith("https://www.twilio.com/docs/errors/"));
            assertEquals(before, state(), "a rejected request changed state: " + path + " " + parts);
        }
    }
}
