package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The account's Flex Configuration ({@code GET /v1/Configuration}), outside PluginService: the Flex
 * Plugins CLI reads its {@code serverless_service_sids} after archiving a plugin or a version, and
 * fails the command when it cannot. Every answer is checked against the document's FlexConfiguration.
 */
class FlexConfigurationScenarios extends Scenario {

    @Test
    void anAccountHasAFlexConfigurationWithItsServerlessServiceSids() {
        api().get("/v1/Configuration").then().statusCode(200)
                .body("account_sid", equalTo(Target.get().account.sid()))
                .body("url", equalTo(Target.get().baseUrl + "/v1/Configuration"))
                .body("serverless_service_sids", everyItem(matchesPattern("^ZS[0-9a-fA-F]{32}$")))
                .body("status", notNullValue());
    }

    @Test
    void theUiVersionQueryIsAccepted() {
        api().queryParam("UiVersion", "2.0.0").get("/v1/Configuration").then().statusCode(200)
                .body("account_sid", equalTo(Target.get().account.sid()));
    }

    @Test
    void withoutCredentialsItIsA401() {
        Api.bare().filter(Contract.RESPONSE).get("/v1/Configuration").then().statusCode(401).body("code", equalTo(20003));
    }

    @Test
    void anEmulatorAnswersItsDefaultsForAnAccountItKnowsNothingOf() {
        assumeTrue(Target.get().emulator, "the defaults are FlexConf's: a real account has its own configuration");
        Target.Account fresh = Target.Account.random();
        Api.as(fresh).get("/v1/Configuration").then().statusCode(200)
                .body("status", equalTo("ok"))
                .body("plugin_service_enabled", equalTo(true))
                .body("serverless_service_sids.size()", equalTo(0))
                .body("ui_version", equalTo(null));
    }

    @Test
    void aSeedSetsTheServerlessServiceSidsAndLaterSeedsAddFields() {
        assumeTrue(Target.get().emulator, "seeding is FlexConf's admin API");
        Target.Account fresh = Target.Account.random();
        String service = "ZS" + "0123456789abcdef".repeat(2);
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"flex_configuration\":{\"serverless_service_sids\":[\"" + service + "\"]}}", 201);
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"flex_configuration\":{\"ui_version\":\"2.9.0\"}}", 201);
        Api.as(fresh).get("/v1/Configuration").then().statusCode(200)
                .body("serverless_service_sids", equalTo(java.util.List.of(service)))
                .body("ui_version", equalTo("2.9.0"));
    }

    @Test
    void aSeedWithAnUnknownFieldOrABadSidIsRefusedWhole() {
        assumeTrue(Target.get().emulator, "seeding is FlexConf's admin API");
        Target.Account fresh = Target.Account.random();
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"flex_configuration\":{\"no_such_field\":1}}", 400);
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"flex_configuration\":{\"serverless_service_sids\":[\"ZS1\"]}}", 400);
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"flex_configuration\":{\"url\":\"https://example.com\"}}", 400);
        seed("{\"account_sid\":\"" + fresh.sid() + "\",\"plugins\":[{\"unique_name\":\"kept-out\"}],"
                + "\"flex_configuration\":{\"crm_enabled\":{\"not\":\"a boolean\"}}}", 400);
        Api.as(fresh).get("/v1/Configuration").then().statusCode(200).body("serverless_service_sids.size()", equalTo(0));
        Api.as(fresh).get(Api.V1 + "/Plugins").then().statusCode(200).body("plugins.size()", equalTo(0));
    }

    private static void seed(String json, int status) {
        Api.bare().filter(Contract.EXCHANGE).contentType(ContentType.JSON).body(json).post("/__flexconf/seed")
                .then().statusCode(status);
    }
}
