package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.bare;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error is Twilio's body with exactly {@code code}, {@code message}, {@code more_info} and
 * {@code status}, the HTTP layer's own errors included; none is a stack trace or a 5xx.
 */
class ErrorScenarios extends Scenario {

    private static RequestSpecification authorized() {
        Target.Account a = Target.get().account;
        return bare().auth().preemptive().basic(a.sid(), a.token());
    }

    private static Map<String, Object> twilioError(Response response, int status, int code) {
        response.then().statusCode(status).contentType("application/json")
                .body("status", equalTo(status)).body("code", equalTo(code))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/" + code));
        Map<String, Object> body = response.then().extract().path("");
        assertEquals(Shapes.ERROR_KEYS, body.keySet(), "exactly Twilio's four keys, never type or title");
        return body;
    }

    @Test
    void anUnknownPathIsATwilioNotFound() {
        Map<String, Object> body = twilioError(authorized().get(V1 + "/Nothing/Here"), 404, 20404);
        assertEquals("The requested resource /PluginService/Nothing/Here was not found", body.get("message"));
    }

    @Test
    void aMethodAPathDoesNotTakeIsA405() {
        twilioError(authorized().delete(V1 + "/Configurations"), 405, 20004);
        twilioError(authorized().put(V1 + "/Plugins"), 405, 20004);
    }

    private static void twilioError(RawHttp.Reply reply, int status, int code) {
        assertEquals(status, reply.status());
        assertEquals(Shapes.ERROR_KEYS, reply.body().keySet(), "exactly Twilio's four keys, never type or title");
        assertEquals(status, reply.body().get("status"));
        assertEquals(code, reply.body().get("code"));
        assertEquals("https://www.twilio.com/docs/errors/" + code, reply.body().get("more_info"));
    }

    @Test
    void aMalformedPathIsATwilioBadRequest() throws Exception {
        twilioError(RawHttp.send("GET", V1 + "/Configurations/%zz", null, new byte[0]), 400, 20001);
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() {
        twilioError(authorized().contentType("application/json").body("{\"Name\": \"json\"}").post(V1 + "/Configurations"),
                400, 20001);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() throws Exception {
        twilioError(RawHttp.send("POST", V1 + "/Configurations", FORM,
                new byte[] {'N', 'a', 'm', 'e', '=', (byte) 0xff, (byte) 0xfe}), 400, 20001);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutA5xx() throws Exception {
        assumeTrue(Target.get().emulator, "FlexConf's documented body limit (1 MB)");
        byte[] big = new byte[2_000_000];
        java.util.Arrays.fill(big, (byte) 'a');
        twilioError(RawHttp.send("POST", V1 + "/Configurations", FORM, big), 413, 20001);
    }
}
