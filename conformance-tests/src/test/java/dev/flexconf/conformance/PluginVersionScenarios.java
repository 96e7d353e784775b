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
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plugin versions: create, lookups by sid or version string, flags, archive, uniqueness. */
class PluginVersionScenarios extends Scenario {

    private static String create(String plugin, String... fields) {
        String sid = api().contentType(FORM).body(form(fields))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(201).extract().path("sid");
        Fixtures.remember(V1 + "/Plugins/" + plugin + "/Versions/" + sid + "/Archive");
        return sid;
    }

    @Test
    void createAnswersEveryField() {
        String plugin = Fixtures.plugin(Fixtures.unique("fields"));
        Map<String, Object> v = api().contentType(FORM)
                .body(form("Version", "1.2.3", "PluginUrl", "https://example.com/a.js", "Changelog", "first",
                        "Private", "false", "CliVersion", "6.3.2", "ValidateStatus", "success"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(201)
                .body("sid", sid("FV")).body("date_created", date()).extract().path("");
        String sid = (String) v.get("sid");
        Fixtures.remember(V1 + "/Plugins/" + plugin + "/Versions/" + sid + "/Archive");
        assertEquals(Set.of("sid", "plugin_sid", "account_sid", "version", "plugin_url", "changelog", "private",
                "archived", "validated", "date_created", "url"), v.keySet());
        assertEquals(plugin, v.get("plugin_sid"));
        assertEquals("1.2.3", v.get("version"));
        assertEquals("https://example.com/a.js", v.get("plugin_url"));
        assertEquals("first", v.get("changelog"));
        assertEquals(false, v.get("private"));
        assertEquals(false, v.get("archived"));
        assertEquals(true, v.get("validated"));
        assertEquals(url("/Plugins/" + plugin + "/Versions/" + sid), v.get("url"));
    }

    @Test
    void privateIsReadCaseInsensitively() {
        String plugin = Fixtures.plugin(Fixtures.unique("private"));
        String sid = create(plugin, "Version", "1.0.0", "PluginUrl", "https://example.com/p.js");
        api().get(V1 + "/Plugins/" + plugin + "/Versions/" + sid).then().body("private", equalTo(false));
        String capital = misuse().contentType(FORM).body(form("Version", "2.0.0", "PluginUrl", "https://example.com/p.js", "Private", "True"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(201).body("private", equalTo(true))
                .extract().path("sid");
        Fixtures.remember(V1 + "/Plugins/" + plugin + "/Versions/" + capital + "/Archive");
    }

    @Test
    void aFailedValidationIsNotValidated() {
        String plugin = Fixtures.plugin(Fixtures.unique("failed"));
        String sid = create(plugin, "Version", "1.0.0", "PluginUrl", "https://example.com/p.js", "ValidateStatus", "failure");
        api().get(V1 + "/Plugins/" + plugin + "/Versions/" + sid).then().body("validated", equalTo(false));
    }

    @Test
    void aValidateStatusOtherThanSuccessOrFailureIsRefused() {
        String plugin = Fixtures.plugin(Fixtures.unique("validate"));
        misuse().contentType(FORM).body(form("Version", "1.0.0", "PluginUrl", "https://example.com/p.js", "ValidateStatus", "maybe"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("ValidateStatus"));
    }

    @Test
    void anArchivedPluginTakesNoNewVersions() {
        String plugin = Fixtures.plugin(Fixtures.unique("retired"));
        api().post(V1 + "/Plugins/" + plugin + "/Archive").then().statusCode(200);
        api().contentType(FORM).body(form("Version", "9.9.9", "PluginUrl", "https://example.com/p.js"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400).body("code", equalTo(20400));
    }

    @Test
    void aVersionIsFoundBySidAndByVersionString() {
        String name = Fixtures.unique("lookup");
        String plugin = Fixtures.plugin(name);
        String sid = Fixtures.version(plugin, "4.5.6");
        Map<String, Object> bySid = api().get(V1 + "/Plugins/" + plugin + "/Versions/" + sid).then().statusCode(200).extract().path("");
        Map<String, Object> byVersion = api().get(V1 + "/Plugins/" + name + "/Versions/4.5.6").then().statusCode(200).extract().path("");
        assertEquals(bySid, byVersion);
    }

    @Test
    void listShowsTheNewestFirstAsTheFlexCliExpects() {
        String plugin = Fixtures.plugin(Fixtures.unique("latest"));
        String first = Fixtures.version(plugin, "1.0.0");
        String second = Fixtures.version(plugin, "1.1.0");
        api().get(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(200)
                .body("meta.key", equalTo("plugin_versions"))
                .body("plugin_versions.sid", equalTo(List.of(second, first)));
    }

    @Test
    void aVersionStringIsUniqueWithinItsPlugin() {
        String plugin = Fixtures.plugin(Fixtures.unique("dup"));
        Fixtures.version(plugin, "1.0.0");
        api().contentType(FORM).body(form("Version", "1.0.0", "PluginUrl", "https://example.com/p.js"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400).body("message", containsString("Version"));
        String otherPlugin = Fixtures.plugin(Fixtures.unique("dup-elsewhere"));
        Fixtures.version(otherPlugin, "1.0.0");
    }

    @Test
    void missingRequiredFieldsAreRefusedNamingThem() {
        String plugin = Fixtures.plugin(Fixtures.unique("missing"));
        misuse().contentType(FORM).body(form("PluginUrl", "https://example.com/p.js"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("Version"));
        misuse().contentType(FORM).body(form("Version", "1.0.0"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("PluginUrl"));
    }

    @Test
    void aPluginUrlThatIsNotAnHttpUrlIsRefused() {
        String plugin = Fixtures.plugin(Fixtures.unique("bad-url"));
        misuse().contentType(FORM).body(form("Version", "1.0.0", "PluginUrl", "not a url"))
                .post(V1 + "/Plugins/" + plugin + "/Versions").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("PluginUrl"));
    }

    @Test
    void archiveSetsArchivedAndAnswersWithoutValidated() {
        String plugin = Fixtures.plugin(Fixtures.unique("archive"));
        String sid = Fixtures.version(plugin, "1.0.0");
        Map<String, Object> archived = api().post(V1 + "/Plugins/" + plugin + "/Versions/1.0.0/Archive")
                .then().statusCode(200).body("archived", equalTo(true)).extract().path("");
        assertEquals(sid, archived.get("sid"));
        assertEquals(Set.of("sid", "plugin_sid", "account_sid", "version", "plugin_url", "changelog", "private",
                "archived", "date_created", "url"), archived.keySet());
        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + sid + "/Archive").then().statusCode(400)
                .body("code", equalTo(20400)).body("message", equalTo("Plugin version is already archived."));
    }

    @Test
    void theVersionsOfAnUnknownPluginAreNotFound() {
        String name = Fixtures.unique("nobody");
        api().get(V1 + "/Plugins/" + name + "/Versions").then().statusCode(404)
                .body("message", equalTo("The requested resource /PluginService/Plugins/" + name + "/Versions was not found"));
    }
}
