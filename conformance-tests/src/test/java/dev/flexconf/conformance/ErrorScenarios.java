package dev.flexconf.conformance;

import static dev.flexconf.conformance.Api.FORM;
import static dev.flexconf.conformance.Api.V1;
import static dev.flexconf.conformance.Api.bare;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RawHttp;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error is Twilio's body with exactly {@code code}, {@code message}, {@code more_info} and
 * {@code status}, the HTTP layer's own errors included; none is a stack trace or a 5xx.
 */
class ErrorScenarios extends Scenario {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** What well-behaved clients refuse to send, written byte for byte, as the target's account. */
    private static RawHttp.Reply raw(String method, String pathAndQuery, String contentType, byte[] body) throws Exception {
        Target.Account a = Target.get().account;
        String head = method + " " + pathAndQuery + " HTTP/1.1\r\nAuthorization: " + Http.basic(a.sid(), a.token())
                + (contentType == null ? "" : "\r\nContent-Type: " + contentType)
                + "\r\nContent-Length: " + body.length;
        return RawHttp.send(Target.get().baseUrl, head, body);
    }

    private static void twilioError(RawHttp.Reply reply, int status, int code) {
        assertEquals(status, reply.status(), reply.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.convertValue(reply.json(), Map.class);
        assertEquals(Shapes.ERROR_KEYS, body.keySet(), "exactly Twilio's four keys, never type or title");
        assertEquals(status, body.get("status"));
        assertEquals(code, body.get("code"));
        assertEquals("https://www.twilio.com/docs/errors/" + code, body.get("more_info"));
    }

    @Test
    void aMalformedPathIsATwilioBadRequest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Target.get().behindFront,
                "behind the replicas' front, a malformed path is refused by the front itself");
        twilioError(raw("GET", V1 + "/Configurations/%zz", null, new byte[0]), 400, 20001);
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() {
        twilioError(authorized().contentType("application/json").body("{\"Name\": \"json\"}").post(V1 + "/Configurations"),
                400, 20001);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() throws Exception {
        twilioError(raw("POST", V1 + "/Configurations", FORM,
                new byte[] {'N', 'a', 'm', 'e', '=', (byte) 0xff, (byte) 0xfe}), 400, 20001);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutA5xx() throws Exception {
        assumeTrue(Target.get().emulator, "FlexConf's documented body limit (1 MB)");
        byte[] big = new byte[2_000_000];
        java.util.Arrays.fill(big, (byte) 'a');
        twilioError(raw("POST", V1 + "/Configurations", FORM, big), 413, 20001);
    }
}
