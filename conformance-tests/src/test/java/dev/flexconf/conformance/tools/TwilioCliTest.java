package dev.flexconf.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * twilio-cli 6.2.4's {@code api:flex:v1:plugin-service:*} commands, unmodified, against FlexConf's jar
 * through its front door; and the same tools without FlexConf's variables, which must not reach it.
 */
class TwilioCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ToolsFixture tools = new ToolsFixture(false);

    private static String newAccount() {
        return ToolsFixture.newAccount();
    }

    private static JsonNode created(String account, String... args) throws Exception {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 2);
        withJson[args.length] = "-o";
        withJson[args.length + 1] = "json";
        return JSON.readTree(tools.twilio.run(null, account, withJson).ok().output()).get(0);
    }

    @Test
    void theApiCommandsCreateReleaseAndReadBackThroughFlexConf() throws Exception {
        String account = newAccount();
        JsonNode plugin = created(account, "api:flex:v1:plugin-service:plugins:create", "--unique-name", "cli-made", "--friendly-name", "Made by twilio-cli");
        assertEquals("https://flex-api.twilio.com/v1/PluginService/Plugins/" + plugin.get("sid").asText(), plugin.get("url").asText());
        String version = created(account, "api:flex:v1:plugin-service:plugins:versions:create", "--plugin-sid", "cli-made",
                "--version", "1.0.0", "--plugin-url", "https://example.com/cli-made/1.0.0/bundle.js").get("sid").asText();
        String configuration = created(account, "api:flex:v1:plugin-service:configurations:create", "--name", "cli",
                "--plugins", "{\"plugin_version\": \"" + version + "\", \"phase\": 3}").get("sid").asText();
        String release = created(account, "api:flex:v1:plugin-service:releases:create", "--configuration-id", configuration).get("sid").asText();

        JsonNode active = created(account, "api:flex:v1:plugin-service:releases:fetch", "--sid", "Active");
        assertEquals(release, active.get("sid").asText());
        assertEquals(configuration, active.get("configurationSid").asText());
        JsonNode bundled = created(account, "api:flex:v1:plugin-service:configurations:plugins:list", "--configuration-sid", configuration);
        assertEquals(version, bundled.get("pluginVersionSid").asText());
        assertEquals(3, bundled.get("phase").asInt());
        assertEquals("Made by twilio-cli", tools.emulator.get(account, "/v1/PluginService/Plugins/cli-made").get("friendly_name").asText());
    }

    @Test
    void anArchiveThroughTheCliIsStored() throws Exception {
        String account = newAccount();
        created(account, "api:flex:v1:plugin-service:plugins:create", "--unique-name", "to-archive");
        JsonNode archived = created(account, "api:flex:v1:plugin-service:plugins:archive:update", "--sid", "to-archive");
        assertTrue(archived.get("archived").asBoolean());
        assertTrue(tools.emulator.get(account, "/v1/PluginService/Plugins/to-archive").get("archived").asBoolean());
    }

    /** The first call of a Flex plugin deploy goes to Twilio Serverless: refused at once, saying why. */
    @Test
    void aServerlessCallFailsAtOnceWithFlexConfsReason() throws Exception {
        TwilioCli.Result result = tools.twilio.run(null, newAccount(), "api:serverless:v1:services:list");
        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("FlexConf refused CONNECT serverless.twilio.com:443"), result.output());
    }

    /** The proof that the variables are what routes the tools: without them they go to the network, not to FlexConf. */
    @Test
    void withoutTheVariablesTheToolsDoNotReachFlexConf() throws Exception {
        String account = newAccount();
        created(account, "api:flex:v1:plugin-service:plugins:create", "--unique-name", "only-at-flexconf");
        TwilioCli.Result elsewhere = tools.twilio.withoutFlexConf().run(null, account, "api:flex:v1:plugin-service:plugins:list", "-o", "json");
        assertNotEquals(0, elsewhere.exit(), elsewhere.output());
        assertFalse(elsewhere.output().contains("only-at-flexconf"), elsewhere.output());
        assertTrue(tools.twilio.run(null, account, "api:flex:v1:plugin-service:plugins:list", "-o", "json").ok().output().contains("only-at-flexconf"));
    }
}
