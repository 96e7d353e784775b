package dev.flexconf.server.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexconf.server.FlexConfServer;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.ServerOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /__flexconf/export} then {@code POST /__flexconf/seed} into another emulator is an
 * identity: every GET of the account answers the same on both, URLs aside.
 */
class ExportTest {
    private static final String V1 = "/v1/PluginService";

    /** An account with a history: updates, archives, a rollback, phases, flags, seeded Flex Configuration fields. */
    private static void history(Http http, Http.Account as, String account) throws Exception {
        as.post(V1 + "/Plugins", Http.form("UniqueName", "crm", "FriendlyName", "CRM", "Description", "the CRM"));
        as.post(V1 + "/Plugins", Http.form("UniqueName", "header"));
        as.post(V1 + "/Plugins", Http.form("UniqueName", "retired"));
        String crm1 = as.post(V1 + "/Plugins/crm/Versions", Http.form("Version", "1.0.0", "PluginUrl", "https://example.com/crm-1.js",
                "Changelog", "first", "Private", "true", "ValidateStatus", "success")).json().get("sid").asText();
        String crm2 = as.post(V1 + "/Plugins/crm/Versions", Http.form("Version", "1.1.0", "PluginUrl", "https://example.com/crm-2.js"))
                .json().get("sid").asText();
        String header = as.post(V1 + "/Plugins/header/Versions", Http.form("Version", "2.0.0", "PluginUrl", "https://example.com/h.js",
                "ValidateStatus", "failure")).json().get("sid").asText();
        String retired = as.post(V1 + "/Plugins/retired/Versions", Http.form("Version", "0.1.0", "PluginUrl", "https://example.com/r.js"))
                .json().get("sid").asText();
        String a = as.post(V1 + "/Configurations", Http.form("Name", "A", "Description", "first",
                "Plugins", "{\"plugin_version\": \"" + crm1 + "\", \"phase\": 3}",
                "Plugins", "{\"plugin_version\": \"" + header + "\"}",
                "Plugins", "{\"plugin_version\": \"" + retired + "\"}")).json().get("sid").asText();
        String b = as.post(V1 + "/Configurations", Http.form("Name", "B",
                "Plugins", "{\"plugin_version\": \"" + crm2 + "\", \"phase\": 1}")).json().get("sid").asText();
        String unused = as.post(V1 + "/Configurations", Http.form("Name", "unused")).json().get("sid").asText();
        as.post(V1 + "/Releases", Http.form("ConfigurationId", a));
        as.post(V1 + "/Releases", Http.form("ConfigurationId", b));
        Thread.sleep(1100); // a later second, so that the update's date_updated differs from date_created
        as.post(V1 + "/Plugins/crm", Http.form("FriendlyName", "CRM renamed"));
        as.post(V1 + "/Plugins/retired/Versions/" + retired + "/Archive", "");
        as.post(V1 + "/Plugins/retired/Archive", "");
        as.post(V1 + "/Configurations/" + unused + "/Archive", "");
        as.post(V1 + "/Releases", Http.form("ConfigurationId", b));
        assertEquals(201, http.postJson("/__flexconf/seed", "{\"account_sid\": \"" + account + "\", "
                + "\"flex_configuration\": {\"serverless_service_sids\": [\"ZS" + "0123456789abcdef".repeat(2) + "\"], \"ui_version\": \"2.9.0\"}}").status());
    }

    /** Every GET of the account, in one list of bodies, with the server's own base URL taken out. */
    private static List<String> everyGet(FlexConfServer server, String account) {
        Http.Account as = new Http(server).as(account);
        List<String> paths = new ArrayList<>(List.of(V1 + "/Plugins?PageSize=1000", V1 + "/Configurations?PageSize=1000",
                V1 + "/Releases?PageSize=1000", V1 + "/Releases/Active", "/v1/Configuration", V1 + "/Plugins?PageSize=2"));
        for (JsonNode p : as.get(V1 + "/Plugins?PageSize=1000").json().get("plugins")) {
            String plugin = p.get("sid").asText();
            paths.add(V1 + "/Plugins/" + plugin);
            paths.add(V1 + "/Plugins/" + plugin + "/Versions?PageSize=1000");
            for (JsonNode v : as.get(V1 + "/Plugins/" + plugin + "/Versions?PageSize=1000").json().get("plugin_versions")) {
                paths.add(V1 + "/Plugins/" + plugin + "/Versions/" + v.get("sid").asText());
            }
        }
        for (JsonNode c : as.get(V1 + "/Configurations?PageSize=1000").json().get("configurations")) {
            String configuration = c.get("sid").asText();
            paths.add(V1 + "/Configurations/" + configuration);
            paths.add(V1 + "/Configurations/" + configuration + "/Plugins?PageSize=1000");
            for (JsonNode cp : as.get(V1 + "/Configurations/" + configuration + "/Plugins?PageSize=1000").json().get("plugins")) {
                paths.add(V1 + "/Configurations/" + configuration + "/Plugins/" + cp.get("plugin_sid").asText());
            }
        }
        for (JsonNode r : as.get(V1 + "/Releases?PageSize=1000").json().get("releases")) {
            paths.add(V1 + "/Releases/" + r.get("sid").asText());
        }
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            Http.Reply reply = as.get(path);
            assertEquals(200, reply.status(), path + ": " + reply.raw().body());
            // URLs aside: the base URL, and page tokens (signed with each database's own secret)
            bodies.add(path + " " + reply.raw().body().replace(server.url(), "BASE").replaceAll("PageToken=[A-Za-z0-9_-]+", "PageToken=TOKEN"));
        }
        return bodies;
    }

    @Test
    void exportThenSeedIntoAnotherEmulatorAnswersEveryGetTheSame() throws Exception {
        String account = Http.newAccount();
        try (FlexConfServer original = FlexConfServer.start(ServerOptions.ephemeral());
             FlexConfServer copy = FlexConfServer.start(ServerOptions.ephemeral())) {
            Http http = new Http(original);
            history(http, http.as(account), account);
            Http.Reply exported = http.get("/__flexconf/export?AccountSid=" + account);
            assertEquals(200, exported.status(), exported.raw().body());
            assertEquals(201, new Http(copy).postJson("/__flexconf/seed", exported.raw().body()).status());

            List<String> before = everyGet(original, account);
            List<String> after = everyGet(copy, account);
            assertTrue(before.size() > 20, before.toString());
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i), after.get(i));
            }
        }
    }

    @Test
    void anExportNeedsAnAccountSid() {
        try (FlexConfServer server = FlexConfServer.start(ServerOptions.ephemeral())) {
            assertEquals(400, new Http(server).get("/__flexconf/export").status());
            assertEquals(400, new Http(server).get("/__flexconf/export?AccountSid=nope").status());
            JsonNode empty = new Http(server).get("/__flexconf/export?AccountSid=" + Http.newAccount()).json();
            assertEquals(0, empty.get("plugins").size());
        }
    }
}
