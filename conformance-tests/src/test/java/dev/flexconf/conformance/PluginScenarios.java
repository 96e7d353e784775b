package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.form;
import static dev.flexconf.conformance.Api.misuse;
import static dev.flexconf.conformance.Shapes.date;
import static dev.flexconf.conformance.Shapes.sid;
import static dev.flexconf.conformance.Shapes.url;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plugins: create, lookups by sid or unique name, update, archive, uniqueness. */
class PluginScenarios extends Scenario {

    @Test
    void createAnswersEveryField() {
        String name = Fixtures.unique("fields");
        Map<String, Object> plugin = api().contentType(FORM)
                .body(form("UniqueName", name, "FriendlyName", "Fields", "Description", "all of them"))
                .post(V1 + "/Plugins").then().statusCode(201)
                .body("sid", sid("FP")).body("date_created", date()).body("date_updated", date())
                .extract().path("");
        String sid = (String) plugin.get("sid");
        Fixtures.remember(V1 + "/Plugins/" + sid + "/Archive");
        assertEquals(Set.of("sid", "account_sid", "unique_name", "friendly_name", "description", "archived",
                "date_created", "date_updated", "url", "links"), plugin.keySet());
        assertEquals(Target.get().account.sid(), plugin.get("account_sid"));
        assertEquals(name, plugin.get("unique_name"));
        assertEquals("Fields", plugin.get("friendly_name"));
        assertEquals("all of them", plugin.get("description"));
        assertEquals(false, plugin.get("archived"));
        assertEquals(url("/Plugins/" + sid), plugin.get("url"));
        assertEquals(Map.of("plugin_versions", url("/Plugins/" + sid + "/Versions")), plugin.get("links"));
    }

    @Test
    void aPluginCreatedWithoutAFriendlyNameHasItsUniqueNameAsOne() {
        String name = Fixtures.unique("bare");
        String sid = api().contentType(FORM).body(form("UniqueName", name))
                .post(V1 + "/Plugins").then().statusCode(201)
                .body("friendly_name", equalTo(name)).body("description", nullValue()).extract().path("sid");
        Fixtures.remember(V1 + "/Plugins/" + sid + "/Archive");
    }

    /** Each archive answers with the archive resource's own URL, as Twilio's examples show. */
    @Test
    void anArchiveAnswersWithTheUrlOfTheArchiveResource() {
        String plugin = Fixtures.plugin(Fixtures.unique("archived-url"));
        String version = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("archived-url"), List.of(version));
        api().post(V1 + "/Configurations/" + configuration + "/Archive").then().statusCode(200)
                .body("url", equalTo(url("/Configurations/" + configuration + "/Archive")));
        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + version + "/Archive").then().statusCode(200)
                .body("url", equalTo(url("/Plugins/" + plugin + "/Versions/" + version + "/Archive")));
        api().post(V1 + "/Plugins/" + plugin + "/Archive").then().statusCode(200)
                .body("url", equalTo(url("/Plugins/" + plugin + "/Archive")));
    }

    @Test
    void aPluginIsFoundBySidAndByUniqueName() {
        String name = Fixtures.unique("lookup");
        String sid = Fixtures.plugin(name);
        Map<String, Object> bySid = api().get(V1 + "/Plugins/" + sid).then().statusCode(200).extract().path("");
        Map<String, Object> byName = api().get(V1 + "/Plugins/" + name).then().statusCode(200).extract().path("");
        assertEquals(bySid, byName);
    }

    @Test
    void listShowsTheNewestFirst() {
        String older = Fixtures.plugin(Fixtures.unique("older"));
        String newer = Fixtures.plugin(Fixtures.unique("newer"));
        List<String> sids = api().queryParam("PageSize", 1000).get(V1 + "/Plugins")
                .then().statusCode(200).body("meta.key", equalTo("plugins")).extract().path("plugins.sid");
        assertEquals(List.of(newer, older), sids.stream().filter(s -> s.equals(older) || s.equals(newer)).toList());
    }

    @Test
    void aUniqueNameIsUniqueInTheAccount() {
        String name = Fixtures.unique("taken");
        Fixtures.plugin(name);
        api().contentType(FORM).body(form("UniqueName", name)).post(V1 + "/Plugins")
                .then().statusCode(400).body("message", containsString("UniqueName"));
    }

    @Test
    void aMissingUniqueNameIsRefusedNamingIt() {
        misuse().contentType(FORM).body(form("FriendlyName", "nameless")).post(V1 + "/Plugins")
                .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString("UniqueName"));
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndMovesDateUpdated() throws InterruptedException {
        String name = Fixtures.unique("update");
        String sid = Fixtures.plugin(name);
        Map<String, Object> before = api().get(V1 + "/Plugins/" + sid).then().extract().path("");
        Thread.sleep(1100);
        Map<String, Object> after = api().contentType(FORM).body(form("FriendlyName", "Renamed"))
                .post(V1 + "/Plugins/" + name).then().statusCode(200).extract().path("");
        assertEquals("Renamed", after.get("friendly_name"));
        assertEquals(before.get("description"), after.get("description"));
        assertEquals(before.get("unique_name"), after.get("unique_name"));
        assertEquals(before.get("date_created"), after.get("date_created"));
        assertTrue(Instant.parse((String) after.get("date_updated")).isAfter(Instant.parse((String) before.get("date_updated"))));
        api().get(V1 + "/Plugins/" + sid).then().body("friendly_name", equalTo("Renamed"));
    }

    @Test
    void archiveSetsArchivedAndAnswersWithoutLinks() {
        String sid = Fixtures.plugin(Fixtures.unique("archive"));
        Map<String, Object> archived = api().post(V1 + "/Plugins/" + sid + "/Archive")
                .then().statusCode(200).body("archived", equalTo(true)).extract().path("");
        assertEquals(Set.of("sid", "account_sid", "unique_name", "friendly_name", "description", "archived",
                "date_created", "date_updated", "url"), archived.keySet());
    }

    @Test
    void archivingTwiceIsRefused() {
        String name = Fixtures.unique("archive-twice");
        String sid = Fixtures.plugin(name);
        api().post(V1 + "/Plugins/" + name + "/Archive").then().statusCode(200).body("sid", equalTo(sid));
        api().post(V1 + "/Plugins/" + sid + "/Archive").then().statusCode(400)
                .body("code", equalTo(20400)).body("message", equalTo("Plugin is already archived."));
    }

    @Test
    void anUnknownPluginIsNotFoundForThePathAsRequested() {
        String name = Fixtures.unique("plugin-activity-handler");
        api().get(V1 + "/Plugins/" + name).then().statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /PluginService/Plugins/" + name + " was not found"))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20404"))
                .body("status", equalTo(404));
    }
}
