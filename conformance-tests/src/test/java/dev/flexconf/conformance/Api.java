package dev.flexconf.conformance;

import static io.restassured.RestAssured.given;

import dev.flexconf.server.testkit.Http;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/**
 * Request builders for the target. Bodies are sent as explicit, UTF-8, percent-encoded form strings
 * (the way twilio-java sends them), so that the contract filter sees them. Stateless.
 */
final class Api {
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    static final String V1 = "/v1/PluginService";

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .defaultContentCharset(StandardCharsets.UTF_8)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Api() {
    }

    /** A request from {@code account} whose request and response are both checked against the contract. */
    static RequestSpecification as(Target.Account account) {
        return bare().auth().preemptive().basic(account.sid(), account.token()).filter(Contract.EXCHANGE);
    }

    /** As the main account, contract-checked both ways. */
    static RequestSpecification api() {
        return as(Target.get().account);
    }

    /** As the main account, for a request that breaks the contract on purpose: only the response is checked. */
    static RequestSpecification misuse() {
        Target.Account a = Target.get().account;
        return bare().auth().preemptive().basic(a.sid(), a.token()).filter(Contract.RESPONSE);
    }

    /** No credentials and no contract check: for what the document cannot describe. */
    static RequestSpecification bare() {
        return given().config(CONFIG).baseUri(Target.get().baseUrl).urlEncodingEnabled(true);
    }

    /** {@code key=value&…}, percent-encoded; keys may repeat (the test kit's, one copy). */
    static String form(String... keysAndValues) {
        return Http.form(keysAndValues);
    }

    /** One value of the {@code Plugins} field. */
    static String entry(String versionSid) {
        return "{\"plugin_version\": \"" + versionSid + "\"}";
    }

    /** One value of the {@code Plugins} field with a phase. */
    static String entry(String versionSid, int phase) {
        return "{\"plugin_version\": \"" + versionSid + "\", \"phase\": " + phase + "}";
    }

    /** The path and query of an absolute URL on the target, to hand to rest-assured verbatim. */
    static String relative(String absolute) {
        org.junit.jupiter.api.Assertions.assertEquals(Target.get().baseUrl,
                absolute.substring(0, Target.get().baseUrl.length()), "absolute URL on the target");
        return absolute.substring(Target.get().baseUrl.length());
    }

    /** A page that must be there, fetched with its query exactly as given. */
    static io.restassured.path.json.JsonPath page(String pathAndQuery) {
        return api().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200).extract().jsonPath();
    }
}
