package dev.flexconf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flexconf.server.testkit.Http;
import dev.flexconf.server.testkit.RunningServer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every bound plugin-service.yaml documents on an admin body is the one the server enforces: a value at
 * the bound is taken, one past it is refused with a 400 naming the field, and where no maximum is
 * documented a large value is taken.
 */
class AdminBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningServer running = new RunningServer();
    private static Http http;
    private static JsonNode schemas;

    @BeforeAll
    static void start() throws Exception {
        http = running.http();
        try (InputStream in = AdminBoundsTest.class.getResourceAsStream("/plugin-service.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).get("components").get("schemas");
        }
    }


    /** A bound of one property: the value at it, and the value just past it. */
    private record Bound(String property, JsonNode at, JsonNode past) {
    }

    private static List<Bound> bounds(String schema) {
        List<Bound> bounds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.get(schema).get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            boolean integer = "integer".equals(p.getValue().path("type").asText());
            double step = integer ? 1 : 0.5;
            if (p.getValue().has("minimum")) {
                double min = p.getValue().get("minimum").asDouble();
                bounds.add(new Bound(p.getKey(), number(min, integer), number(min - step, integer)));
            }
            if (p.getValue().has("maximum")) {
                double max = p.getValue().get("maximum").asDouble();
                bounds.add(new Bound(p.getKey(), number(max, integer), number(max + step, integer)));
            } else if (p.getValue().has("minimum")) {
                // no documented maximum: a large value is taken (no bound the document does not show)
                bounds.add(new Bound(p.getKey(), number(1_000_000_000, integer), null));
            }
        }
        return bounds;
    }

    private static JsonNode number(double value, boolean integer) {
        return integer ? JSON.getNodeFactory().numberNode((long) value) : JSON.getNodeFactory().numberNode(value);
    }

    @Test
    void everyDocumentedFaultRuleBoundIsEnforced() {
        List<Bound> bounds = bounds("FaultRule");
        assertFalse(bounds.isEmpty());
        for (Bound bound : bounds) {
            for (boolean inside : bound.past() == null ? new boolean[] {true} : new boolean[] {true, false}) {
                ObjectNode rule = JSON.createObjectNode().put("operation", "Nothing").put("status", 500);
                rule.set(bound.property(), inside ? bound.at() : bound.past());
                Http.Reply reply = http.postJson("/__flexconf/faults", rule.toString());
                assertEquals(inside ? 201 : 400, reply.status(), rule + " -> " + reply.raw().body());
                if (!inside) {
                    assertEquals(true, reply.json().get("message").asText().contains(bound.property()), reply.raw().body());
                }
                http.delete("/__flexconf/faults");
            }
        }
    }

    @Test
    void theDocumentedSeedPhaseBoundIsEnforced() {
        List<Bound> bounds = bounds("SeedConfiguredPlugin");
        assertEquals(2, bounds.size(), "phase's minimum, and no maximum");
        for (boolean inside : new boolean[] {true, false}) {
            String account = Http.newAccount();
            String doc = "{\"account_sid\": \"" + account + "\", \"plugins\": [{\"unique_name\": \"p\", \"versions\": [{\"version\": \"1.0.0\","
                    + " \"plugin_url\": \"https://example.com/p.js\"}]}], \"configurations\": [{\"name\": \"c\", \"plugins\": [{\"unique_name\": \"p\","
                    + " \"version\": \"1.0.0\", \"phase\": " + (inside ? bounds.get(0).at() : bounds.get(0).past()) + "}]}]}";
            Http.Reply reply = http.postJson("/__flexconf/seed", doc);
            assertEquals(inside ? 201 : 400, reply.status(), reply.raw().body());
        }
    }
}
