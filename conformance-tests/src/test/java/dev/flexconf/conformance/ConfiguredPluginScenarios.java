package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.entry;
import static dev.flexconf.conformance.Api.form;
import static dev.flexconf.conformance.Api.page;
import static dev.flexconf.conformance.Api.relative;
import static dev.flexconf.conformance.Shapes.date;
import static dev.flexconf.conformance.Shapes.url;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugins of a configuration: joined plugin and version fields, lookups, current archive flags. */
class ConfiguredPluginScenarios extends Scenario {

    @Test
    void rowsJoinThePluginAndTheVersion() {
        String name = Fixtures.unique("joined");
        String plugin = Fixtures.plugin(name);
        String version = Fixtures.version(plugin, "3.1.4");
        String configuration = Fixtures.configurationFromBody(form("Name", Fixtures.unique("joined"), "Plugins", entry(version, 2)));

        Map<String, Object> row = api().get(V1 + "/Configurations/" + configuration + "/Plugins/" + plugin)
                .then().statusCode(200).body("date_created", date()).extract().path("");
        assertEquals(Target.get().account.sid(), row.get("account_sid"));
        assertEquals(configuration, row.get("configuration_sid"));
        assertEquals(plugin, row.get("plugin_sid"));
        assertEquals(version, row.get("plugin_version_sid"));
        assertEquals(2, row.get("phase"));
        assertEquals("https://example.com/plugins/3.1.4/bundle.js", row.get("plugin_url"));
        assertEquals(name, row.get("unique_name"));
        assertEquals("Friendly " + name, row.get("friendly_name"));
        assertEquals("Conformance fixture", row.get("description"));
        assertEquals(false, row.get("plugin_archived"));
        assertEquals("3.1.4", row.get("version"));
        assertEquals("changes in 3.1.4", row.get("changelog"));
        assertEquals(false, row.get("plugin_version_archived"));
        assertEquals(true, row.get("private"));
        assertEquals(url("/Configurations/" + configuration + "/Plugins/" + plugin), row.get("url"));
    }

    @Test
    void phaseDefaultsToZero() {
        String version = Fixtures.pluginVersion("phaseless");
        String configuration = Fixtures.configuration(Fixtures.unique("phaseless"), List.of(version));
        api().get(V1 + "/Configurations/" + configuration + "/Plugins").then().statusCode(200)
                .body("plugins[0].phase", equalTo(0));
    }

    @Test
    void listKeepsTheOrderTheyWereBundledIn() {
        String a = Fixtures.pluginVersion("order-a");
        String b = Fixtures.pluginVersion("order-b");
        String c = Fixtures.pluginVersion("order-c");
        String configuration = Fixtures.configuration(Fixtures.unique("order"), List.of(b, c, a));
        api().get(V1 + "/Configurations/" + configuration + "/Plugins").then().statusCode(200)
                .body("meta.key", equalTo("plugins"))
                .body("plugins.plugin_version_sid", equalTo(List.of(b, c, a)));
    }

    /** Each page is the same the second time it is asked for, and the pages together are the bundle. */
    @Test
    void pagesFollowTheBundleOrderTheSameEveryTime() {
        String a = Fixtures.pluginVersion("pages-a");
        String b = Fixtures.pluginVersion("pages-b");
        String c = Fixtures.pluginVersion("pages-c");
        String configuration = Fixtures.configuration(Fixtures.unique("pages"), List.of(c, a, b));
        for (int walk = 0; walk < 2; walk++) {
            List<String> seen = new java.util.ArrayList<>();
            String next = V1 + "/Configurations/" + configuration + "/Plugins?PageSize=2";
            while (next != null) {
                io.restassured.path.json.JsonPath page = page(next);
                seen.addAll(page.getList("plugins.plugin_version_sid"));
                String absolute = page.getString("meta.next_page_url");
                next = absolute == null ? null : relative(absolute);
            }
            assertEquals(List.of(c, a, b), seen, "walk " + (walk + 1));
        }
    }

    @Test
    void aConfiguredPluginIsFoundByUniqueNameToo() {
        String name = Fixtures.unique("by-name");
        String plugin = Fixtures.plugin(name);
        String version = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("by-name"), List.of(version));
        api().get(V1 + "/Configurations/" + configuration + "/Plugins/" + name).then().statusCode(200)
                .body("plugin_sid", equalTo(plugin));
    }

    @Test
    void archiveFlagsShowTheCurrentState() {
        String plugin = Fixtures.plugin(Fixtures.unique("flags"));
        String version = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("flags"), List.of(version));
        String path = V1 + "/Configurations/" + configuration + "/Plugins/" + plugin;

        String list = V1 + "/Configurations/" + configuration + "/Plugins";
        api().get(list).then().body("plugins[0].plugin_version_archived", equalTo(false));

        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + version + "/Archive").then().statusCode(200);
        api().get(path).then().body("plugin_version_archived", equalTo(true)).body("plugin_archived", equalTo(false));
        api().get(list).then().body("plugins[0].plugin_version_archived", equalTo(true))
                .body("plugins[0].plugin_archived", equalTo(false));
        api().post(V1 + "/Plugins/" + plugin + "/Archive").then().statusCode(200);
        api().get(path).then().body("plugin_version_archived", equalTo(true)).body("plugin_archived", equalTo(true));
        api().get(list).then().body("plugins[0].plugin_version_archived", equalTo(true))
                .body("plugins[0].plugin_archived", equalTo(true));
    }

    @Test
    void theListShowsThePluginAsItIsNow() {
        String plugin = Fixtures.plugin(Fixtures.unique("renamed"));
        String configuration = Fixtures.configuration(Fixtures.unique("renamed"),
                List.of(Fixtures.version(plugin, "1.0.0")));
        String list = V1 + "/Configurations/" + configuration + "/Plugins";
        api().get(list).then().statusCode(200);

        api().contentType(FORM).body(form("FriendlyName", "Renamed", "Description", "after the bundle"))
                .post(V1 + "/Plugins/" + plugin).then().statusCode(200);
        api().get(list).then().body("plugins[0].friendly_name", equalTo("Renamed"))
                .body("plugins[0].description", equalTo("after the bundle"));
    }

    @Test
    void aPluginThatIsNotInTheConfigurationIsNotFound() {
        String outsider = Fixtures.plugin(Fixtures.unique("outsider"));
        String configuration = Fixtures.configuration(Fixtures.unique("without-outsider"), List.of());
        api().get(V1 + "/Configurations/" + configuration + "/Plugins/" + outsider).then().statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /PluginService/Configurations/" + configuration
                        + "/Plugins/" + outsider + " was not found"));
    }

    @Test
    void theConfiguredPluginsOfAnUnknownConfigurationAreNotFound() {
        api().get(V1 + "/Configurations/FJ00000000000000000000000000000bad/Plugins").then().statusCode(404)
                .body("code", equalTo(20404));
    }

    @Test
    void aConfigurationIsUnchangedByLaterVersions() {
        String plugin = Fixtures.plugin(Fixtures.unique("snapshot"));
        String first = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("snapshot"), List.of(first));
        Fixtures.version(plugin, "2.0.0");
        api().contentType(FORM).body(form("FriendlyName", "renamed later"))
                .post(V1 + "/Plugins/" + plugin).then().statusCode(200);
        api().get(V1 + "/Configurations/" + configuration + "/Plugins/" + plugin).then().statusCode(200)
                .body("plugin_version_sid", equalTo(first)).body("version", equalTo("1.0.0"));
    }
}
