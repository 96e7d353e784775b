package dev.flexconf.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Flex Plugins CLI ({@code twilio flex:plugins:*}, {@code @twilio-labs/plugin-flex} 7.1.2),
 * unmodified, against FlexConf's jar through its front door: only {@code HTTP_PROXY},
 * {@code NODE_EXTRA_CA_CERTS} and the account's credentials are set. Plugins and versions are made
 * with twilio-cli's {@code api:flex:v1} commands ({@code flex:plugins:deploy} needs Twilio Serverless,
 * which FlexConf does not emulate). Each test has an account of its own.
 */
class FlexPluginsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENABLED = Pattern.compile("Configuration (FJ[0-9a-f]{32}) was successfully enabled");

    @RegisterExtension
    static final ToolsFixture tools = new ToolsFixture(true);

    private static String newAccount() {
        return ToolsFixture.newAccount();
    }

    /** A plugin and its versions, made with twilio-cli's api:flex:v1 commands. */
    private static void plugin(String account, String name, String... versions) throws Exception {
        tools.twilio.run(null, account, "api:flex:v1:plugin-service:plugins:create", "--unique-name", name).ok();
        for (String version : versions) {
            tools.twilio.run(null, account, "api:flex:v1:plugin-service:plugins:versions:create", "--plugin-sid", name,
                    "--version", version, "--plugin-url", "https://example.com/" + name + "/" + version + "/bundle.js").ok();
        }
    }

    /** {@code flex:plugins:release} of {@code flags}; the configuration it enabled. */
    private static String release(String account, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("flex:plugins:release"));
        args.addAll(List.of(flags));
        TwilioCli.Result result = tools.twilio.run(null, account, args.toArray(String[]::new)).ok();
        Matcher enabled = ENABLED.matcher(result.output());
        assertTrue(enabled.find(), result.output());
        return enabled.group(1);
    }

    private static String activeConfiguration(String account) throws Exception {
        return tools.emulator.get(account, "/v1/PluginService/Releases/Active").get("configuration_sid").asText();
    }

    private static JsonNode json(TwilioCli.Result result) throws Exception {
        String out = result.ok().output();
        int start = out.indexOf('{') >= 0 && (out.indexOf('[') < 0 || out.indexOf('{') < out.indexOf('[')) ? out.indexOf('{') : out.indexOf('[');
        assertTrue(start >= 0, out);
        return JSON.readTree(out.substring(start));
    }

    private static boolean versionArchived(String account, String plugin, String version) throws Exception {
        return tools.emulator.get(account, "/v1/PluginService/Plugins/" + plugin + "/Versions/" + version).get("archived").asBoolean();
    }

    /** A release starts from the active configuration: --enable-plugin adds or upgrades, --disable-plugin removes. */
    @Test
    void releaseBundlesTheVersionsAndMakesTheirConfigurationActive() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0");
        plugin(account, "header", "2.0.0");
        String configuration = release(account, "--enable-plugin", "crm@1.0.0", "--enable-plugin", "header@2.0.0", "--name", "first");
        assertEquals(configuration, activeConfiguration(account));
        JsonNode plugins = tools.emulator.get(account, "/v1/PluginService/Configurations/" + configuration + "/Plugins").get("plugins");
        List<String> bundled = new ArrayList<>();
        plugins.forEach(p -> bundled.add(p.get("unique_name").asText() + "@" + p.get("version").asText()));
        assertEquals(List.of("crm@1.0.0", "header@2.0.0"), bundled.stream().sorted().toList());
    }

    @Test
    void aRollbackIsAReleaseOfTheOlderConfiguration() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0", "1.1.0");
        String a = release(account, "--enable-plugin", "crm@1.0.0", "--name", "A");
        String b = release(account, "--enable-plugin", "crm@1.1.0", "--name", "B");
        assertEquals(b, activeConfiguration(account));
        assertEquals(a, release(account, "--configuration-sid", a));
        assertEquals(a, activeConfiguration(account));
        JsonNode releases = json(tools.twilio.run(null, account, "flex:plugins:list:releases", "--json"));
        List<String> trail = new ArrayList<>();
        releases.forEach(r -> trail.add(r.get("configurationSid").asText()));
        assertEquals(List.of(a, b, a), trail);
    }

    @Test
    void listAndDescribeShowWhatWasReleased() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0", "1.1.0");
        String configuration = release(account, "--enable-plugin", "crm@1.1.0", "--name", "listed");
        JsonNode plugins = json(tools.twilio.run(null, account, "flex:plugins:list:plugins", "--json"));
        assertEquals(1, plugins.size(), plugins.toString());
        assertEquals("crm", plugins.get(0).get("name").asText(), plugins.toString());
        assertTrue(plugins.get(0).get("isActive").asBoolean(), plugins.toString());
        JsonNode versions = json(tools.twilio.run(null, account, "flex:plugins:list:plugin-versions", "--name", "crm", "--json"));
        assertEquals(2, versions.size(), versions.toString());
        JsonNode described = json(tools.twilio.run(null, account, "flex:plugins:describe:plugin", "--name", "crm", "--json"));
        assertTrue(described.get("isActive").asBoolean(), described.toString());
        JsonNode version = json(tools.twilio.run(null, account, "flex:plugins:describe:plugin-version", "--name", "crm", "--version", "1.1.0", "--json"));
        assertTrue(version.get("isActive").asBoolean(), version.toString());
        JsonNode config = json(tools.twilio.run(null, account, "flex:plugins:describe:configuration", "--sid", configuration, "--json"));
        assertEquals("listed", config.get("name").asText(), config.toString());
        assertTrue(config.get("isActive").asBoolean(), config.toString());
        JsonNode active = json(tools.twilio.run(null, account, "flex:plugins:describe:release", "--active", "--json"));
        assertEquals(configuration, active.get("configurationSid").asText(), active.toString());
    }

    @Test
    void anUnknownPluginIsDescribedAsNotFound() throws Exception {
        TwilioCli.Result result = tools.twilio.run(null, newAccount(), "flex:plugins:describe:plugin", "--name", "nowhere");
        assertTrue(result.output().contains("Plugin nowhere was not found"), result.output());
    }

    @Test
    void theActiveReleasesVersionIsNotArchived() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0");
        release(account, "--enable-plugin", "crm@1.0.0", "--name", "live");
        TwilioCli.Result result = tools.twilio.run("Y\n", account, "flex:plugins:archive:plugin-version", "--name", "crm", "--version", "1.0.0").ok();
        assertTrue(result.output().contains("Could not archive crm@1.0.0"), result.output());
        assertFalse(versionArchived(account, "crm", "1.0.0"));
    }

    @Test
    void aVersionOutsideTheActiveReleaseIsArchived() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0", "1.1.0");
        release(account, "--enable-plugin", "crm@1.0.0", "--name", "live");
        TwilioCli.Result result = tools.twilio.run("Y\n", account, "flex:plugins:archive:plugin-version", "--name", "crm", "--version", "1.1.0").ok();
        assertFalse(result.output().contains("Error code"), result.output());
        assertTrue(versionArchived(account, "crm", "1.1.0"), result.output());
        assertFalse(versionArchived(account, "crm", "1.0.0"));
    }

    @Test
    void aPluginAndAConfigurationOutsideTheActiveReleaseAreArchived() throws Exception {
        String account = newAccount();
        plugin(account, "crm", "1.0.0");
        plugin(account, "retired", "0.9.0");
        String old = release(account, "--enable-plugin", "retired@0.9.0", "--name", "old");
        release(account, "--enable-plugin", "crm@1.0.0", "--disable-plugin", "retired", "--name", "live");
        TwilioCli.Result plugin = tools.twilio.run("Y\n", account, "flex:plugins:archive:plugin", "--name", "retired").ok();
        assertFalse(plugin.output().contains("Error code"), plugin.output());
        assertTrue(tools.emulator.get(account, "/v1/PluginService/Plugins/retired").get("archived").asBoolean(), plugin.output());
        TwilioCli.Result configuration = tools.twilio.run("Y\n", account, "flex:plugins:archive:configuration", "--sid", old).ok();
        assertTrue(configuration.output().contains("successfully archived"), configuration.output());
        assertTrue(tools.emulator.get(account, "/v1/PluginService/Configurations/" + old).get("archived").asBoolean());
    }
}
