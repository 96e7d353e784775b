package dev.flexconf.server.reliability;

import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated form bodies thrown at every POST operation: never a 5xx, a Twilio error body on every 4xx,
 * and nothing written by a rejected request. The same {@value #BODIES} bodies go to each POST; they
 * come from a seeded generator, so a failure names its seed and case and
 * {@code -Dflexconf.fuzz.seed=N} replays it (default {@value #DEFAULT_SEED}).
 */
class FormFuzzTest {
    private static final String ACCOUNT = "AC" + "f".repeat(32);
    private static final String V1 = "/v1/PluginService";
    private static final int BODIES = 300;
    private static final long DEFAULT_SEED = 20261128L;
    private static final long SEED = Long.getLong("flexconf.fuzz.seed", DEFAULT_SEED);
    private static final List<String> KEYS = List.of("UniqueName", "FriendlyName", "Description", "Version", "PluginUrl",
            "Changelog", "Private", "CliVersion", "ValidateStatus", "Name", "Plugins", "ConfigurationId");
    private static final List<String> VALUES = List.of("True", "false", "yes", "", "success", "failure",
            "https://example.com/x.js", "not a url", "FJ" + "0".repeat(32),
            "{\"plugin_version\": \"" + "FV" + "0".repeat(32) + "\"}", "{\"phase\": 3}", "{}", "[]", "null", "1e999",
            "%", "%zz", "%ff%fe");
    /** Characters of generated strings: printable ASCII, form syntax, controls, and beyond ASCII. */
    private static final String CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~\t\n\r\u0000\u00e9\u00ff\u4e2d\u200b\ud83d\ude00";
    private static final String SYNTAX = "%&=+{}[]\":,\\";

    @RegisterExtension
    static final RunningServer running = new RunningServer();
    private static Http.Account client;
    private static String version;
    private static List<List<String>> bodies;

    @BeforeAll
    static void start() throws Exception {
        client = running.http().as(ACCOUNT);
        client.post(V1 + "/Plugins", Http.form("UniqueName", "fuzz"));
        version = client.post(V1 + "/Plugins/fuzz/Versions", Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/f.js"))
                .json().get("sid").asText();
        client.post(V1 + "/Configurations", Http.form("Name", "base"));
        Random random = new Random(SEED);
        bodies = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            bodies.add(body(random));
        }
    }


    /** Up to 8 {@code key=value} pairs, unencoded, as a careless client would send them. */
    private static List<String> body(Random random) {
        List<String> pairs = new ArrayList<>();
        for (int n = random.nextInt(9); n > 0; n--) {
            String key = random.nextBoolean() ? KEYS.get(random.nextInt(KEYS.size())) : string(random, CHARS, 0, 12);
            pairs.add(key + "=" + value(random));
        }
        return pairs;
    }

    private static String value(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> string(random, CHARS, 0, 40);
            case 1 -> string(random, SYNTAX, 0, 20);
            case 2 -> VALUES.get(random.nextInt(VALUES.size()));
            case 3 -> "{\"plugin_version\": \"VERSION\", \"phase\": " + (random.nextInt(11) - 5) + "}";
            default -> string(random, CHARS, 1000, 5000);
        };
    }

    private static String string(Random random, String chars, int min, int max) {
        int[] points = chars.codePoints().toArray();
        StringBuilder s = new StringBuilder();
        for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
            s.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return s.toString();
    }

    /** What the account holds: a rejected request must leave it as it was. */
    private static String state() throws Exception {
        return client.all(V1 + "/Plugins", "plugins").toString() + client.all(V1 + "/Plugins/fuzz/Versions", "plugin_versions")
                + client.all(V1 + "/Configurations", "configurations") + client.all(V1 + "/Releases", "releases");
    }

    @ParameterizedTest
    @ValueSource(strings = {V1 + "/Plugins", V1 + "/Plugins/fuzz", V1 + "/Plugins/fuzz/Archive", V1 + "/Plugins/fuzz/Versions",
            V1 + "/Plugins/fuzz/Versions/1.0.0/Archive", V1 + "/Configurations",
            V1 + "/Configurations/FJ00000000000000000000000000000000/Archive", V1 + "/Releases"})
    void noBodyBreaksThisPost(String path) throws Exception {
        for (int i = 0; i < bodies.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (String p : bodies.get(i)) {
                parts.add(p.replace("VERSION", version));
            }
            String at = "seed " + SEED + " (-Dflexconf.fuzz.seed), case " + i + ": POST " + path + " " + parts;
            byte[] body = String.join("&", parts).getBytes(StandardCharsets.UTF_8);
            String before = state();
            Http.Reply reply = client.post(path, "application/x-www-form-urlencoded", body);
            assertTrue(reply.status() < 500, "5xx for " + at + ": " + reply.raw().body());
            if (reply.status() >= 400) {
                assertNotNull(reply.json(), at);
                assertEquals(reply.status(), reply.json().get("status").asInt(), at);
                assertTrue(reply.json().get("code").asInt() > 0, at);
                assertTrue(reply.json().get("more_info").asText().startsWith("https://www.twilio.com/docs/errors/"), at);
                assertEquals(before, state(), "a rejected request changed state: " + at);
            }
        }
    }
}
