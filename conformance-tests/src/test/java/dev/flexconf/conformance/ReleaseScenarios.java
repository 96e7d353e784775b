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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Releases: create, fetch, list, Active, and the archiving rules that the active release brings. They
 * change what a contact center runs, so on a real account they need -Dflexconf.allowReleases=true.
 */
class ReleaseScenarios extends Scenario {

    @BeforeEach
    void releasesAllowed() {
        assumeTrue(Target.get().releasesAllowed, "releases change a real contact center: -Dflexconf.allowReleases=true");
    }

    static String release(String configurationSid) {
        return api().contentType(FORM).body(form("ConfigurationId", configurationSid))
                .post(V1 + "/Releases").then().statusCode(201).extract().path("sid");
    }

    @Test
    void createAnswersEveryFieldAndFetchAgrees() {
        String configuration = Fixtures.configuration(Fixtures.unique("release-me"), List.of(Fixtures.pluginVersion("released")));
        Map<String, Object> created = api().contentType(FORM).body(form("ConfigurationId", configuration))
                .post(V1 + "/Releases").then().statusCode(201)
                .body("sid", sid("FK")).body("date_created", date())
                .body("configuration_sid", equalTo(configuration))
                .body("account_sid", equalTo(Target.get().account.sid()))
                .extract().path("");
        String sid = (String) created.get("sid");
        assertEquals(Set.of("sid", "account_sid", "configuration_sid", "date_created", "url"), created.keySet());
        assertEquals(url("/Releases/" + sid), created.get("url"));
        assertEquals(created, api().get(V1 + "/Releases/" + sid).then().statusCode(200).extract().path(""));
        assertEquals(created, api().get(V1 + "/Releases/Active").then().statusCode(200).extract().path(""));
    }

    @Test
    void theNewestReleaseIsActiveAndListedFirst() {
        String a = Fixtures.configuration(Fixtures.unique("first"), List.of());
        String b = Fixtures.configuration(Fixtures.unique("second"), List.of());
        String first = release(a);
        String second = release(b);
        api().get(V1 + "/Releases/Active").then().statusCode(200).body("sid", equalTo(second));
        List<String> sids = api().get(V1 + "/Releases").then().statusCode(200)
                .body("meta.key", equalTo("releases")).extract().path("releases.sid");
        assertEquals(List.of(second, first), sids.subList(0, 2));
    }

    @Test
    void anAccountWithoutReleasesHasNoActiveRelease() {
        assumeTrue(Target.get().emulator, "needs an account that never released: only an emulator makes one up");
        Api.as(Target.Account.random()).get(V1 + "/Releases/Active").then().statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource /PluginService/Releases/Active was not found"));
    }

    @Test
    void anArchivedConfigurationCannotBeReleased() {
        String configuration = Fixtures.configuration(Fixtures.unique("archived"), List.of());
        api().post(V1 + "/Configurations/" + configuration + "/Archive").then().statusCode(200);
        api().contentType(FORM).body(form("ConfigurationId", configuration)).post(V1 + "/Releases")
                .then().statusCode(400).body("code", equalTo(20400));
    }

    @Test
    void whatTheActiveReleaseHoldsCannotBeArchived() {
        String plugin = Fixtures.plugin(Fixtures.unique("live"));
        String version = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("live"), List.of(version));
        release(configuration);

        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + version + "/Archive").then().statusCode(400)
                .body("code", equalTo(20400)).body("message", equalTo("Plugin version is part of an active release"));
        api().post(V1 + "/Plugins/" + plugin + "/Archive").then().statusCode(400)
                .body("code", equalTo(20400)).body("message", equalTo("Plugin is part of an active release"));
        api().post(V1 + "/Configurations/" + configuration + "/Archive").then().statusCode(400)
                .body("code", equalTo(20400)).body("message", equalTo("Configuration is part of an active release"));

        release(Fixtures.configuration(Fixtures.unique("replacement"), List.of()));
        api().post(V1 + "/Configurations/" + configuration + "/Archive").then().statusCode(200);
        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + version + "/Archive").then().statusCode(200);
    }

    /** A rollback to a configuration whose version was archived since is refused: archived versions cannot be enabled. */
    @Test
    void aConfigurationHoldingAVersionArchivedSinceCannotBeReleasedAgain() {
        String plugin = Fixtures.plugin(Fixtures.unique("rolled"));
        String old = Fixtures.version(plugin, "1.0.0");
        String current = Fixtures.version(plugin, "1.1.0");
        String a = Fixtures.configuration(Fixtures.unique("old"), List.of(old));
        String b = Fixtures.configuration(Fixtures.unique("current"), List.of(current));
        release(a);
        release(b);
        api().post(V1 + "/Plugins/" + plugin + "/Versions/" + old + "/Archive").then().statusCode(200);

        api().contentType(FORM).body(form("ConfigurationId", a)).post(V1 + "/Releases").then().statusCode(400)
                .body("code", equalTo(20400))
                .body("message", equalTo("Plugin version " + old + " is archived and cannot be used"));
        api().get(V1 + "/Releases/Active").then().statusCode(200).body("configuration_sid", equalTo(b));
        release(b);
    }

    @Test
    void aMissingOrMalformedConfigurationIdIsRefused() {
        misuse().contentType(FORM).body("").post(V1 + "/Releases").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("ConfigurationId"));
        misuse().contentType(FORM).body(form("ConfigurationId", "FJnope")).post(V1 + "/Releases").then().statusCode(400)
                .body("code", equalTo(20001)).body("message", containsString("ConfigurationId"));
        api().contentType(FORM).body(form("ConfigurationId", "FJ00000000000000000000000000000bad")).post(V1 + "/Releases")
                .then().statusCode(400).body("code", equalTo(20001)).body("message", containsString("ConfigurationId"));
    }

    @Test
    void anUnknownOrMalformedReleaseIsNotFound() {
        api().get(V1 + "/Releases/FK00000000000000000000000000000bad").then().statusCode(404).body("code", equalTo(20404));
        misuse().get(V1 + "/Releases/FKnope").then().statusCode(404).body("code", equalTo(20404));
    }
}
