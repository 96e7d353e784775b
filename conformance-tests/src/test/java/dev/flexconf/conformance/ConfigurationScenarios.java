package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.entry;
import static dev.flexconf.conformance.Api.form;
import static dev.flexconf.conformance.Api.misuse;
import static dev.flexconf.conformance.Shapes.date;
import static dev.flexconf.conformance.Shapes.sid;
import static dev.flexconf.conformance.Shapes.url;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Configurations: the seed page's examples, immutability, archiving and the rules of Plugins. */
class ConfigurationScenarios extends Scenario {
    private static final Set<String> SEED_KEYS =
            Set.of("sid", "account_sid", "name", "description", "archived", "date_created", "url", "links");

    @Test
    void createWithOnePluginAnswersTheSeedShape() {
        String version = Fixtures.pluginVersion("seed-single");
        JsonPath created = api().contentType(FORM)
                .body(form("Name", "Name", "Plugins", entry(version), "Description", "description"))
                .post(V1 + "/Configurations")
                .then().statusCode(201).contentType("application/json")
                .body("sid", sid("FJ"))
                .body("account_sid", equalTo(Target.get().account.sid()))
                .body("name", equalTo("Name"))
                .body("description", equalTo("description"))
                .body("archived", equalTo(false))
                .body("date_created", date())
                .extract().jsonPath();
        String sid = created.getString("sid");
        Fixtures.remember(V1 + "/Configurations/" + sid + "/Archive");
        assertEquals(SEED_KEYS, created.getMap("").keySet());
        assertEquals(url("/Configurations/" + sid), created.getString("url"));
        assertEquals(Map.of("plugins", url("/Configurations/" + sid + "/Plugins")), created.getMap("links"));
    }

    @Test
    void createWithMultiplePluginsBundlesThemAll() {
        String a = Fixtures.pluginVersion("seed-multi-a");
        String b = Fixtures.pluginVersion("seed-multi-b");
        String sid = Fixtures.configuration("Name", List.of(a, b));
        List<String> bundled = api().get(V1 + "/Configurations/" + sid + "/Plugins")
                .then().statusCode(200).extract().path("plugins.plugin_version_sid");
        assertEquals(List.of(a, b), bundled);
    }

    @Test
    void fetchAnswersWhatCreateAnswered() {
        String sid = Fixtures.configuration(Fixtures.unique("fetch"), List.of());
        Map<String, Object> created = api().get(V1 + "/Configurations/" + sid).then().statusCode(200).extract().path("");
        assertEquals(sid, created.get("sid"));
        assertEquals(created, api().get(created.get("url").toString().substring(Target.get().baseUrl.length()))
                .then().statusCode(200).extract().path(""));
    }

    @Test
    void zeroPluginsIsAValidConfiguration() {
        String sid = Fixtures.configuration(Fixtures.unique("empty"), List.of());
        api().get(V1 + "/Configurations/" + sid + "/Plugins").then().statusCode(200).body("plugins.size()", equalTo(0));
    }

    @Test
    void descriptionIsNullWhenNotGiven() {
        String sid = Fixtures.configuration(Fixtures.unique("no-description"), List.of());
        api().get(V1 + "/Configurations/" + sid).then().statusCode(200).body("description", nullValue());
    }

    @Test
    void listShowsTheNewestFirst() {
        String older = Fixtures.configuration(Fixtures.unique("older"), List.of());
        String newer = Fixtures.configuration(Fixtures.unique("newer"), List.of());
        List<String> sids = api().queryParam("PageSize", 1000).get(V1 + "/Configurations")
                .then().statusCode(200).body("meta.key", equalTo("configurations")).extract().path("configurations.sid");
        assertEquals(List.of(newer, older), sids.stream().filter(s -> s.equals(older) || s.equals(newer)).toList());
    }

    @Test
    void archiveSetsArchivedAndAnswersWithoutLinks() {
        String sid = Fixtures.configuration(Fixtures.unique("archive"), List.of());
        Map<String, Object> archived = api().post(V1 + "/Configurations/" + sid + "/Archive")
                .then().statusCode(200).body("archived", equalTo(true)).extract().path("");
        assertEquals(Set.of("sid", "account_sid", "name", "description", "archived", "date_created", "url"), archived.keySet());
        api().get(V1 + "/Configurations/" + sid).then().statusCode(200).body("archived", equalTo(true));
    }

    @Test
    void archivingTwiceIsRefused() {
        String sid = Fixtures.configuration(Fixtures.unique("archive-twice"), List.of());
        api().post(V1 + "/Configurations/" + sid + "/Archive").then().statusCode(200);
        api().post(V1 + "/Configurations/" + sid + "/Archive")
                .then().statusCode(400).body("code", equalTo(20400)).body("message", containsString("already archived"));
    }

    @Test
    void aConfigurationCannotBeChanged() {
        String sid = Fixtures.configuration(Fixtures.unique("immutable"), List.of());
        Map<String, Object> before = api().get(V1 + "/Configurations/" + sid).then().extract().path("");
        Api.bare().auth().preemptive().basic(Target.get().account.sid(), Target.get().account.token())
                .contentType(FORM).body(form("Name", "changed"))
                .post(V1 + "/Configurations/" + sid)
                .then().statusCode(405).body("code", equalTo(20004)).body("status", equalTo(405));
        assertEquals(before, api().get(V1 + "/Configurations/" + sid).then().extract().path(""));
    }

    @Test
    void aMissingNameIsRefusedNamingIt() {
        misuse().contentType(FORM).body(form("Description", "no name"))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString("Name"));
    }

    @Test
    void aPluginVersionThatDoesNotExistIsRefusedNamingIt() {
        String ghost = "FV0000000000000000000000000000dead";
        api().contentType(FORM).body(form("Name", Fixtures.unique("ghost"), "Plugins", entry(ghost)))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString(ghost));
    }

    @Test
    void aPluginsValueThatIsNotAJsonObjectIsRefused() {
        for (String value : List.of("not json", "[1,2]", "\"FV00000000000000000000000000000000\"", "{\"phase\": 1}")) {
            api().contentType(FORM).body(form("Name", Fixtures.unique("bad-json"), "Plugins", value))
                    .post(V1 + "/Configurations")
                    .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString("Plugins"));
        }
    }

    @Test
    void twoVersionsOfOnePluginAreRefused() {
        String plugin = Fixtures.plugin(Fixtures.unique("twice"));
        String one = Fixtures.version(plugin, "1.0.0");
        String two = Fixtures.version(plugin, "2.0.0");
        api().contentType(FORM).body(form("Name", Fixtures.unique("twice"), "Plugins", entry(one), "Plugins", entry(two)))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20001));
    }

    @Test
    void anArchivedVersionCannotBeBundled() {
        String plugin = Fixtures.plugin(Fixtures.unique("archived-version"));
        String version = Fixtures.version(plugin, "1.0.0");
        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + version + "/Archive").then().statusCode(200);
        api().contentType(FORM).body(form("Name", Fixtures.unique("archived-version"), "Plugins", entry(version)))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20400));
    }

    @Test
    void aVersionOfAnArchivedPluginCannotBeBundled() {
        String plugin = Fixtures.plugin(Fixtures.unique("archived-plugin"));
        String version = Fixtures.version(plugin, "1.0.0");
        api().post(V1 + "/Plugins/" + plugin + "/Archive").then().statusCode(200);
        api().contentType(FORM).body(form("Name", Fixtures.unique("archived-plugin"), "Plugins", entry(version)))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20400));
    }

    @Test
    void anotherAccountsVersionCannotBeBundled() {
        Target.Account other = Target.get().other;
        assumeTrue(other != null, "needs a second account (flexconf.otherAccountSid)");
        String version = Fixtures.pluginVersion("not-yours");
        Api.as(other).contentType(FORM).body(form("Name", Fixtures.unique("theft"), "Plugins", entry(version)))
                .post(V1 + "/Configurations")
                .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString(version));
    }

    @Test
    void theFlexCliUnencodedBodyIsAccepted() {
        String version = Fixtures.pluginVersion("cli");
        String name = Fixtures.unique("my config");
        String sid = Fixtures.configurationFromBody(
                "Name=" + name + "&Plugins={\"plugin_version\":\"" + version + "\",\"phase\":3}&Description=from the CLI");
        api().get(V1 + "/Configurations/" + sid).then().statusCode(200)
                .body("name", equalTo(name)).body("description", equalTo("from the CLI"));
        api().get(V1 + "/Configurations/" + sid + "/Plugins").then().statusCode(200)
                .body("plugins.phase", equalTo(List.of(3)));
    }

    @Test
    void aStrayPercentIsKeptAsItIs() {
        String name = Fixtures.unique("100%");
        String sid = misuse().contentType(FORM).body("Name=" + name + "&Description=%zz off")
                .post(V1 + "/Configurations").then().statusCode(201).extract().path("sid");
        Fixtures.remember(V1 + "/Configurations/" + sid + "/Archive");
        api().get(V1 + "/Configurations/" + sid).then().body("name", equalTo(name)).body("description", equalTo("%zz off"));
    }

    @Test
    void aContentTypeWithoutCharsetIsAccepted() {
        String name = Fixtures.unique("no charset");
        String sid = api().contentType("application/x-www-form-urlencoded").body(form("Name", name))
                .post(V1 + "/Configurations").then().statusCode(201).body("name", equalTo(name)).extract().path("sid");
        Fixtures.remember(V1 + "/Configurations/" + sid + "/Archive");
    }

    @Test
    void textBeyondAsciiIsStoredVerbatim() {
        String name = Fixtures.unique("Überkonfiguration 🚀 \"quoted\" ' OR 1=1 --");
        String sid = Fixtures.configurationFromBody(form("Name", name));
        api().get(V1 + "/Configurations/" + sid).then().body("name", equalTo(name));
    }

    @Test
    void aMalformedSidIsNotFoundLikeAnUnknownOne() {
        misuse().get(V1 + "/Configurations/FJnot-a-sid").then().statusCode(404).body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /PluginService/Configurations/FJnot-a-sid was not found"));
        String unknown = "FJ0000000000000000000000000000beef";
        api().get(V1 + "/Configurations/" + unknown).then().statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /PluginService/Configurations/" + unknown + " was not found"));
    }

    @Test
    void listEntriesCarryEveryField() {
        String sid = Fixtures.configuration(Fixtures.unique("listed"), List.of());
        Map<String, Object> fetched = api().get(V1 + "/Configurations/" + sid).then().statusCode(200).extract().path("");
        List<Map<String, Object>> listed = api().queryParam("PageSize", 1000).get(V1 + "/Configurations").then().statusCode(200)
                .body("configurations.sid", hasItem(sid)).extract().path("configurations");
        assertEquals(fetched, listed.stream().filter(c -> sid.equals(c.get("sid"))).findFirst().orElseThrow());
    }
}
