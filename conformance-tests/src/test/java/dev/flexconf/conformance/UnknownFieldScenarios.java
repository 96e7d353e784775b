package dev.flexconf.conformance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's two ways with a response field the document does not know, against an implementation
 * that answers a configuration as FlexConf does, with one field changed per sid: a field added, one
 * missing, one of the wrong type. Reporting (the mode for real Twilio) lets the added field pass and
 * still fails the other two; failing (the mode for an emulator) fails all three.
 */
class UnknownFieldScenarios {
    private static final String ACCOUNT = "AC" + "a".repeat(32);
    private static final String AS_DOCUMENTED = "FJ" + "0".repeat(31) + "0";
    private static final String ADDED = "FJ" + "0".repeat(31) + "1";
    private static final String MISSING = "FJ" + "0".repeat(31) + "2";
    private static final String MISTYPED = "FJ" + "0".repeat(31) + "3";
    private static HttpServer server;
    private static String base;

    private static String configuration(String sid, String change) {
        String url = base + "/v1/PluginService/Configurations/" + sid;
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("sid", "\"" + sid + "\"");
        fields.put("account_sid", "\"" + ACCOUNT + "\"");
        fields.put("name", "\"Name\"");
        fields.put("description", "\"description\"");
        fields.put("archived", "false");
        fields.put("date_created", "\"2020-01-10T20:00:00Z\"");
        fields.put("url", "\"" + url + "\"");
        fields.put("links", "{\"plugins\": \"" + url + "/Plugins\"}");
        switch (change) {
            case "added" -> fields.put("brand_new_field", "\"Twilio added it\"");
            case "missing" -> fields.remove("name");
            case "mistyped" -> fields.put("archived", "\"no\"");
            default -> { }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> changes = Map.of(AS_DOCUMENTED, "none", ADDED, "added", MISSING, "missing", MISTYPED, "mistyped");
        server.createContext("/v1/PluginService/Configurations/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String sid = path.substring(path.lastIndexOf('/') + 1);
            byte[] body = configuration(sid, changes.getOrDefault(sid, "none")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void fetch(String sid, OpenApiValidationFilter contract) {
        given().baseUri(base).auth().preemptive().basic(ACCOUNT, "token").filter(contract)
                .get("/v1/PluginService/Configurations/" + sid).then().statusCode(200);
    }

    @Test
    void reportingLetsAnUnknownFieldPassAndSaysSo() {
        assertDoesNotThrow(() -> fetch(AS_DOCUMENTED, Contract.exchange(Contract.UnknownFields.REPORT)));
        assertDoesNotThrow(() -> fetch(ADDED, Contract.exchange(Contract.UnknownFields.REPORT)));
        assertTrue(Contract.Reported.all().stream().anyMatch(r -> r.contains("brand_new_field")), Contract.Reported.all().toString());
    }

    @Test
    void reportingStillFailsOnAMissingOrMistypedField() {
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class,
                () -> fetch(MISSING, Contract.exchange(Contract.UnknownFields.REPORT)));
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class,
                () -> fetch(MISTYPED, Contract.response(Contract.UnknownFields.REPORT)));
    }

    @Test
    void failingFailsOnAnUnknownFieldToo() {
        assertDoesNotThrow(() -> fetch(AS_DOCUMENTED, Contract.exchange(Contract.UnknownFields.FAIL)));
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class,
                () -> fetch(ADDED, Contract.exchange(Contract.UnknownFields.FAIL)));
    }
}
