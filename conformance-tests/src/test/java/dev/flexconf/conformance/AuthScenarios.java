package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.api;
import static dev.flexconf.conformance.Api.bare;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTP Basic auth and tenancy: no credentials no answer, and no account sees another's resources. */
class AuthScenarios extends Scenario {

    @Test
    void noCredentialsIsA401() {
        bare().get(V1 + "/Configurations").then().statusCode(401)
                .body("code", equalTo(20003)).body("status", equalTo(401))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20003"));
    }

    @Test
    void malformedCredentialsAreA401() {
        for (String header : List.of("Bearer abc", "Basic !!!not-base64!!!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes()), "Basic " + java.util.Base64.getEncoder()
                .encodeToString("NOTANACCOUNT:secret".getBytes()))) {
            bare().header("Authorization", header).get(V1 + "/Configurations").then().statusCode(401)
                    .body("code", equalTo(20003));
        }
    }

    @Test
    void flexMetadataIsAcceptedAndChangesNothing() {
        api().header("Flex-Metadata", "{\"cli\":\"flex-plugins 7.0.0\"}").get(V1 + "/Configurations").then().statusCode(200);
    }

    @Test
    void anotherAccountCannotSeeThisAccountsResources() {
        Target.Account other = Target.get().other;
        assumeTrue(other != null, "needs a second account (flexconf.otherAccountSid)");
        String name = Fixtures.unique("private-plugin");
        String plugin = Fixtures.plugin(name);
        String version = Fixtures.version(plugin, "1.0.0");
        String configuration = Fixtures.configuration(Fixtures.unique("private-config"), List.of(version));

        Api.as(other).get(V1 + "/Plugins/" + plugin).then().statusCode(404).body("code", equalTo(20404));
        Api.as(other).get(V1 + "/Plugins/" + name).then().statusCode(404);
        Api.as(other).get(V1 + "/Plugins/" + plugin + "/Versions/" + version).then().statusCode(404);
        Api.as(other).get(V1 + "/Configurations/" + configuration).then().statusCode(404);
        Api.as(other).get(V1 + "/Configurations/" + configuration + "/Plugins").then().statusCode(404);
        Api.as(other).post(V1 + "/Configurations/" + configuration + "/Archive").then().statusCode(404);
        Api.as(other).queryParam("PageSize", 1000).get(V1 + "/Configurations").then().statusCode(200)
                .body("configurations.sid", not(hasItem(configuration)));
        Api.as(other).queryParam("PageSize", 1000).get(V1 + "/Plugins").then().statusCode(200)
                .body("plugins.sid", not(hasItem(plugin)));
        api().get(V1 + "/Configurations/" + configuration).then().statusCode(200).body("archived", equalTo(false));
    }
}
